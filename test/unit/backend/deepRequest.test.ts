import { describe, expect, it } from 'vitest';
import { MAX_REFERENCES, parseDeepRequest } from '@backend/deepRequest.js';

describe('POST /deep body validation', () => {
  it('accepts references the core accepts, keeping what was given and the canonical form', () => {
    const parsed = parseDeepRequest({ references: ['alpine', '127.0.0.1:5100/corpus/good:1.0.0'] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map((r) => [r.input, r.parsed.canonical])).toEqual([
      ['alpine', 'docker.io/library/alpine:latest'],
      ['127.0.0.1:5100/corpus/good:1.0.0', '127.0.0.1:5100/corpus/good:1.0.0'],
    ]);
  });

  it('refuses the whole request when any reference is hostile, naming each one and why', () => {
    const parsed = parseDeepRequest({ references: ['alpine', 'x;rm -rf /', '--output=/etc', 'a\nb', 42] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.statusCode).toBe(400);
    expect(parsed.error.name).toBe('invalid-reference');
    expect(parsed.error.reasons?.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(parsed.error.reasons?.[0]?.reason).toBe('contains the shell character ";"');
    expect(parsed.error.reasons?.[1]?.reason).toContain('starts with "-"');
    expect(parsed.error.reasons?.[2]?.reason).toContain('control characters');
    expect(parsed.error.reasons?.[3]).toEqual({ index: 4, input: '42', reason: 'is not a string' });
    expect(parsed.error.message).toContain('4 reference(s) refused, nothing was read');
  });

  it.each([
    ['not an object', ['alpine'], 'must be a JSON object'],
    ['null', null, 'must be a JSON object'],
    ['no references', {}, '"references" must be an array'],
    ['references not an array', { references: 'alpine' }, '"references" must be an array'],
    ['empty', { references: [] }, 'is empty'],
    ['unknown fields', { references: ['alpine'], command: 'rm' }, 'Unknown field(s): "command"'],
    [
      'too many',
      { references: Array.from({ length: MAX_REFERENCES + 1 }, () => 'alpine') },
      `at most ${MAX_REFERENCES}`,
    ],
  ])('refuses a body that is %s with a 400 bad-request', (_name, body, message) => {
    const parsed = parseDeepRequest(body);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ statusCode: 400, name: 'bad-request' });
    expect(parsed.error.message).toContain(message);
  });
});
