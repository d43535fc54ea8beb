/** runCli --deep over a fake registry reader and the recorded imagetools index: the table, --json and --require. */
import { describe, expect, it } from 'vitest';
import type { VariantFileReader } from '@deepCheck/ports.js';
import { cli } from '../../support/cliRun.js';
import { recorded } from '../../support/corpus.js';
import { fileOf } from '../../support/deepData.js';
import { textFile } from '../../support/fakeReader.js';
import { fixturePort } from '../../support/fixturePort.js';

describe('runCli --deep (a fake registry reader; the index from the recorded imagetools output)', () => {
  const metadata = textFile(
    '/metadata.json',
    JSON.stringify({ host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] } }),
  );
  /** Every variant holds metadata.json and an x86_64 macOS binary: wrong in linux/arm64. */
  const reader: VariantFileReader = {
    readVariantFiles: (_repo, digest, wanted, options) =>
      Promise.resolve({
        ok: true,
        value: {
          platform: options.platform,
          digest,
          files: new Map(
            wanted
              .map((w) => (typeof w === 'string' ? w : w.path))
              .map((p) => [p, p === '/metadata.json' ? metadata : fileOf(p, 'darwinX64')]),
          ),
          bytesRead: 10,
          bytesTotal: 100,
        },
      }),
  };

  it('the table shows the deep verdict and one line per problem: OS, path, variant, CPU found and wanted', async () => {
    const out = await cli(['--deep', '--no-progress', recorded('good')], fixturePort().exec, false, reader);
    expect(out.code).toBe(0);
    // On this linux/amd64 Linux machine the macOS binary does not matter: it works here, and the verdict says the rest.
    expect(out.stdout).toMatch(/corpus\/good:1\.0\.0\s+works here\s+Wrong host binary\s+yes\s+yes/);
    expect(out.stdout).toContain('darwin /darwin/tool in linux/arm64: wrong-cpu, found x86_64, wanted arm64');
    expect(out.stdout).toMatch(/fix: Pick the macOS binary by CPU/);
  });

  it('--json rows carry hostBinaries and backend; --require fails on the deep verdict', async () => {
    const out = await cli(
      ['--deep', '--json', '--require', 'linux/amd64,linux/arm64', recorded('good')],
      fixturePort().exec,
      false,
      reader,
    );
    expect(out.code).toBe(1);
    const [row] = JSON.parse(out.stdout) as {
      verdict: string;
      hostBinaries: { platform: string; state: string }[];
      backend: unknown[];
      requirement: { status: string };
    }[];
    expect(row?.verdict).toBe('wrong-host-binary');
    expect(row?.hostBinaries.map((b) => [b.platform, b.state])).toEqual([
      ['linux/amd64', 'ok'],
      ['linux/arm64', 'wrong-cpu'],
    ]);
    expect(row?.backend).toEqual([]);
    expect(row?.requirement.status).toBe('deep-finding');
  });

  it('without --deep nothing is read and the deep keys are null', async () => {
    const out = await cli(['--json', recorded('good')], fixturePort().exec, false, reader);
    expect(JSON.parse(out.stdout)).toMatchObject([{ verdict: 'ready', deep: null, hostBinaries: null, backend: null }]);
  });

  it("--timeout bounds each image's whole deep check, its reads included, not only the platform check", async () => {
    /** A registry that never sends the files: each read ends only when its deadline or cancel fires. */
    const hanging: VariantFileReader = {
      readVariantFiles: (_repo, _digest, _wanted, options) =>
        new Promise((resolve) => {
          const stop = (): void =>
            resolve({
              ok: false,
              error: { kind: 'timeout', message: 'the registry did not answer before the deadline' },
            });
          for (const signal of [options.signal, options.deadline]) {
            if (signal?.aborted) stop();
            signal?.addEventListener('abort', stop, { once: true });
          }
        }),
    };
    const started = Date.now();
    const out = await cli(
      ['--deep', '--json', '--timeout', '300ms', recorded('good')],
      fixturePort().exec,
      false,
      hanging,
    );
    // Without --timeout reaching the deep check, its own 120 s deadline would apply.
    expect(Date.now() - started).toBeLessThan(4_000);
    const [row] = JSON.parse(out.stdout) as {
      verdict: string;
      userFix: string;
      deep: { status: string; message: string };
    }[];
    expect(row?.deep.status).toBe('not-checked');
    expect(row?.deep.message).toContain('the registry did not answer before the deadline');
    // Never ready: the row says the inside was not checked, and what to do.
    expect(row?.verdict).toBe('not-checked-inside');
    expect(row?.userFix).toMatch(/tell its publisher/);
  }, 10_000);
});
