/** POST /deep's `source` and `platforms`: validated like the references, before anything runs. */
import { describe, expect, it } from 'vitest';
import { parseDeepRequest } from '@backend/deepRequest.js';
import { MAX_PLATFORMS } from '@wire/backendApi.js';

const REF = '127.0.0.1:5100/corpus/good:1.0.0';

describe('POST /deep source and platforms', () => {
  it('reads every variant from the registry when neither is given (as before)', () => {
    const parsed = parseDeepRequest({ references: [REF] });
    expect(parsed.ok && parsed.value.map((r) => r.read)).toEqual([{ source: 'registry' }]);
  });

  it('takes source "local" and source "registry" with platforms, normalised, on every reference', () => {
    const local = parseDeepRequest({ references: [REF, 'alpine'], source: 'local' });
    expect(local.ok && local.value.map((r) => r.read)).toEqual([{ source: 'local' }, { source: 'local' }]);
    const some = parseDeepRequest({
      references: [REF],
      source: 'registry',
      platforms: ['linux/arm64', 'linux/arm/v7'],
    });
    expect(some.ok && some.value[0]?.read).toEqual({ source: 'registry', platforms: ['linux/arm64', 'linux/arm/v7'] });
    const implied = parseDeepRequest({ references: [REF], platforms: ['ARM64'] });
    expect(implied.ok && implied.value[0]?.read).toEqual({ source: 'registry', platforms: ['linux/arm64'] });
  });

  it.each([
    ['an unknown source', { source: 'engine' }, '"source" must be "local"'],
    ['a source that is not a string', { source: 1 }, '"source" must be "local"'],
    ['platforms with source local', { source: 'local', platforms: ['linux/arm64'] }, 'goes with source "registry"'],
    ['platforms not an array', { platforms: 'linux/arm64' }, '"platforms" must be an array'],
    ['platforms empty', { platforms: [] }, '"platforms" is empty'],
    [
      'too many platforms',
      { platforms: Array.from({ length: MAX_PLATFORMS + 1 }, () => 'linux/arm64') },
      `at most ${MAX_PLATFORMS}`,
    ],
  ])('refuses %s with a 400 bad-request, nothing read', (_name, extra, message) => {
    const parsed = parseDeepRequest({ references: [REF], ...extra });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ statusCode: 400, name: 'bad-request' });
    expect(parsed.error.message).toContain(message);
  });

  it('refuses the whole request when any platform is bad, naming each one and why', () => {
    const parsed = parseDeepRequest({
      references: [REF],
      platforms: ['linux/arm64', 'windows/amd64', 'linux', 'x;rm', 7, 'arm64'],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ statusCode: 400, name: 'invalid-platform' });
    expect(parsed.error.reasons?.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.error.reasons?.[0]?.reason).toContain('not a linux platform');
    expect(parsed.error.reasons?.[1]?.reason).toContain('is an operating system');
    expect(parsed.error.reasons?.[3]).toEqual({ index: 4, input: '7', reason: 'is not a string' });
    expect(parsed.error.reasons?.[4]?.reason).toBe('repeats linux/arm64');
    expect(parsed.error.message).toContain('5 platform(s) refused, nothing was read');
  });

  it('still refuses unknown fields', () => {
    const parsed = parseDeepRequest({ references: [REF], source: 'local', pull: true });
    expect(!parsed.ok && parsed.error.message).toContain('Unknown field(s): "pull"');
  });
});
