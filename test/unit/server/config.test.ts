import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_IMAGE, DEFAULT_PORT, readPort, readSettings } from '../../../src/server/config.js';

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
