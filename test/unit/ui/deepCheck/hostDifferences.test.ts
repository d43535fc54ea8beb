/**
 * What real hosts differ in (platform-facts.md, last section) and the tab must cope with:
 * output chunks split inside a UTF-8 character, onClose before the last output, host.arch
 * '<unknown>', an extension.image without a tag.
 */
import { describe, expect, it } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import { createDdClientExec, createStreamText } from '@adapters/ddClientExec.js';
import { hostPlatform, sameImage } from '@core/index.js';

type Stream = { onOutput?: (data: { stdout?: unknown; stderr?: unknown }) => void; onClose?: (code: number) => void };

/** A client whose stream exec hands the callbacks to `drive` (only docker.cli.exec is used by the adapter). */
function streamingClient(drive: (stream: Stream) => void): v1.DockerDesktopClient {
  const exec = (_cmd: string, _args: string[], options: { stream: Stream }): v1.ExecProcess => {
    setTimeout(() => drive(options.stream), 0);
    return { close: () => undefined };
  };
  return { docker: { cli: { exec } } } as unknown as v1.DockerDesktopClient;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('stream exec on hosts that differ', () => {
  it('joins byte chunks split inside a UTF-8 character (no U+FFFD)', async () => {
    const bytes = utf8('{"title":"Déjà vu ✓"}');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "é"
    const client = streamingClient((s) => {
      s.onOutput?.({ stdout: bytes.slice(0, cut) });
      s.onOutput?.({ stdout: bytes.slice(cut, cut + 9) });
      s.onOutput?.({ stdout: bytes.slice(cut + 9) });
      s.onClose?.(0);
    });
    const out = await createDdClientExec(client)({ args: ['image', 'ls'] });
    expect(out.stdout).toBe('{"title":"Déjà vu ✓"}');
    expect(out.stdout).not.toContain('\uFFFD');
    expect(JSON.parse(out.stdout)).toEqual({ title: 'Déjà vu ✓' });
  });

  it('decodes a serialised Node Buffer ({type: "Buffer", data}) split inside a character, and ignores a missing chunk', () => {
    const text = createStreamText();
    const bytes = utf8('✓ ok');
    text.add({ type: 'Buffer', data: [...bytes.slice(0, 2)] });
    text.add({ type: 'Buffer', data: [...bytes.slice(2)] });
    text.add(undefined);
    expect(text.text()).toBe('✓ ok');
  });

  it('keeps output that arrives after onClose (the host fired it on exit, the pipes still held data)', async () => {
    const client = streamingClient((s) => {
      s.onOutput?.({ stdout: '{"a":' });
      s.onClose?.(0);
      setTimeout(() => s.onOutput?.({ stdout: '1}' }), 0);
    });
    const out = await createDdClientExec(client)({ args: ['image', 'ls'] });
    expect(out).toEqual({ stdout: '{"a":1}', stderr: '', exitCode: 0 });
  });

  it("treats host.arch '<unknown>' as an unknown platform, not as a wrong one", () => {
    expect(hostPlatform('<unknown>')).toBeUndefined();
    expect(hostPlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64' });
  });

  it('matches an extension.image without a tag to the listed :latest image', () => {
    expect(sameImage('docker/arch-matrix', 'docker/arch-matrix:latest')).toBe(true);
    expect(sameImage('docker/arch-matrix', 'docker/arch-matrix:0.1.0')).toBe(false);
  });
});
