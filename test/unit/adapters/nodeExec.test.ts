/**
 * The Node adapter against real processes. `docker` is replaced by Node itself (process.execPath)
 * so that the child's behaviour is scripted: exit codes, output, ignoring SIGTERM, a grandchild.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createNodeExec } from '@adapters/nodeExec.js';

const node = createNodeExec({ docker: process.execPath, killGraceMs: 300 });
const script = (code: string): string[] => ['-e', code];

describe('createNodeExec', () => {
  it('returns stdout, stderr and the exit code', async () => {
    const out = await node({
      args: script('process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3'),
    });
    expect(out).toEqual({ stdout: 'out', stderr: 'err', exitCode: 3 });
  });

  it('passes arguments unchanged, with no shell in between', async () => {
    const hostile = ['$(id)', 'a;b', '`id`', "it's", 'two words', '{{.Image|json}}', '*'];
    const out = await node({
      args: [...script('process.stdout.write(JSON.stringify(process.argv.slice(1)))'), ...hostile],
    });
    expect(JSON.parse(out.stdout)).toEqual(hostile);
  });

  it('a missing binary is spawn-failed, and the promise resolves', async () => {
    const missing = createNodeExec({ docker: '/nonexistent/docker' });
    const out = await missing({ args: ['version'] });
    expect(out.interrupted).toBe('spawn-failed');
    expect(out.exitCode).toBeNull();
    expect(out.stderr).toContain('ENOENT');
  });

  it('stops a command that outlives its timeout', async () => {
    const out = await node({
      args: script('process.stdout.write("started"); setInterval(() => {}, 1000)'),
      timeoutMs: 200,
    });
    expect(out.interrupted).toBe('timeout');
    expect(out.exitCode).toBeNull();
  });

  it('kills with SIGKILL a command that ignores SIGTERM', async () => {
    // The child installs its SIGTERM handler, then says so in a file (its stdout is only seen at the end);
    // the stop is sent only after that, so only the SIGKILL after the grace period can end it.
    const dir = mkdtempSync(join(tmpdir(), 'archmatrix-sigkill-'));
    const ready = join(dir, 'ready');
    try {
      const code = `process.on("SIGTERM", () => {}); require("fs").writeFileSync(${JSON.stringify(ready)}, String(process.pid)); setInterval(() => {}, 1000)`;
      const controller = new AbortController();
      const pending = node({ args: script(code), signal: controller.signal });
      await vi.waitFor(() => expect(readFileSync(ready, 'utf8')).toMatch(/^\d+$/), { timeout: 30_000, interval: 20 });
      const pid = Number(readFileSync(ready, 'utf8'));
      controller.abort();
      const out = await pending;
      expect(out).toEqual({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' });
      expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the whole process group, so a grandchild holding the pipes cannot keep it open', async () => {
    const code = `require("child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "inherit" }); setInterval(() => {}, 1000)`;
    const out = await node({ args: script(code), timeoutMs: 200 });
    expect(out.interrupted).toBe('timeout');
  });

  it('abort cancels a running command', async () => {
    const controller = new AbortController();
    const pending = node({ args: script('setInterval(() => {}, 1000)'), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const out = await pending;
    expect(out.interrupted).toBe('cancelled');
  });

  it('an already-aborted signal starts nothing', async () => {
    const out = await node({ args: script('process.stdout.write("ran")'), signal: AbortSignal.abort() });
    expect(out).toEqual({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' });
  });

  it('stops a command whose output exceeds maxBuffer', async () => {
    const small = createNodeExec({ docker: process.execPath, maxBuffer: 1000, killGraceMs: 300 });
    const out = await small({ args: script('setInterval(() => process.stdout.write("x".repeat(500)), 10)') });
    expect(out.exitCode).toBeNull();
    expect(out.stderr).toMatch(/output exceeded 1000/);
    expect(out.stdout.length).toBeLessThanOrEqual(1000);
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    const out = await node({
      args: script(
        'const b = Buffer.from("é✓"); process.stdout.write(b.subarray(0, 1)); setTimeout(() => process.stdout.write(b.subarray(1)), 20)',
      ),
    });
    expect(out.stdout).toBe('é✓');
  });
});
