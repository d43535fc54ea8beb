import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXTENSION_IMAGE,
  DEFAULT_PORT,
  describeEnvironment,
  printable,
  readPort,
  readSettings,
} from '@server/config.js';

describe('readPort', () => {
  it('defaults when PORT is unset or empty', () => {
    expect(readPort(undefined)).toEqual({ ok: true, value: DEFAULT_PORT });
    expect(readPort('')).toEqual({ ok: true, value: DEFAULT_PORT });
  });

  it.each([
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
  ])('reads %s', (text, port) => {
    expect(readPort(text)).toEqual({ ok: true, value: port });
  });

  it.each(['65536', '-1', 'abc', '80a', '1e3', '123456'])('refuses %s', (text) => {
    expect(readPort(text).ok).toBe(false);
  });
});

describe('readSettings', () => {
  it('takes the extension image from ARCHMATRIX_EXTENSION_IMAGE', () => {
    expect(readSettings({ PORT: '5000', ARCHMATRIX_EXTENSION_IMAGE: 'me/ext:1.0.0' })).toEqual({
      ok: true,
      value: { port: 5000, extensionImage: 'me/ext:1.0.0' },
    });
  });

  it('defaults the extension image', () => {
    const result = readSettings({});
    expect(result.ok && result.value.extensionImage).toBe(DEFAULT_EXTENSION_IMAGE);
  });
});

describe('printable', () => {
  it('escapes control characters so a request cannot drive the terminal', () => {
    expect(printable('ran: docker image inspect \u001b[2Jx\r\n')).toBe('ran: docker image inspect \\x1b[2Jx\\x0d\\x0a');
  });

  it('escapes Unicode format characters (a right-to-left override cannot reorder the line)', () => {
    expect(printable('refused: `docker image inspect a\u202Egnp.exe`')).toBe(
      'refused: `docker image inspect a\\u{202e}gnp.exe`',
    );
    expect(printable('x\u200By\u2066z\uFEFF')).toBe('x\\u{200b}y\\u{2066}z\\u{feff}');
    expect(printable('\u0085')).toBe('\\x85');
  });

  it('leaves ordinary text alone', () => {
    expect(printable('refused (forbidden-command): `docker rm x`')).toBe('refused (forbidden-command): `docker rm x`');
    expect(printable('café ✓ 日本')).toBe('café ✓ 日本');
  });
});

describe('describeEnvironment', () => {
  it('says nothing when docker, the engine and buildx are there', () => {
    expect(describeEnvironment({ engine: 'ok', buildx: 'available' })).toEqual([]);
  });

  it('names the missing docker CLI, and only that (buildx cannot run without it)', () => {
    const lines = describeEnvironment({ engine: 'tool-missing', buildx: 'missing' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/docker CLI was not found/);
  });

  it('names an unreachable engine and a missing buildx separately', () => {
    const lines = describeEnvironment({ engine: 'unreachable', buildx: 'missing' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/cannot reach a Docker engine/);
    expect(lines[1]).toMatch(/buildx was not found.*manifest inspect/);
  });
});
