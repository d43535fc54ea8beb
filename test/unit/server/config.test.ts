import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_IMAGE, DEFAULT_PORT, printable, readPort, readSettings } from '../../../src/server/config.js';

describe('readPort', () => {
  it('defaults when PORT is unset or empty', () => {
    expect(readPort(undefined)).toEqual({ ok: true, value: DEFAULT_PORT });
    expect(readPort('')).toEqual({ ok: true, value: DEFAULT_PORT });
  });

  it.each([['0', 0], ['8080', 8080], ['65535', 65535]])('reads %s', (text, port) => {
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

  it('leaves ordinary text alone', () => {
    expect(printable('refused (forbidden-command): `docker rm x`')).toBe('refused (forbidden-command): `docker rm x`');
  });
});
