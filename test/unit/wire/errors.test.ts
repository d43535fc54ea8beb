import { describe, expect, it } from 'vitest';
import { ERROR_NAMES, errorReply, readErrorFields } from '@wire/errors.js';

describe('the one error reply', () => {
  it('names each error once, and only one name for an internal failure', () => {
    expect(new Set(ERROR_NAMES).size).toBe(ERROR_NAMES.length);
    expect(ERROR_NAMES).toContain('internal');
    expect(ERROR_NAMES).not.toContain('internal-error');
  });

  it('is {statusCode, name, message} on the wire, with reasons only when given', () => {
    expect(JSON.parse(JSON.stringify(errorReply(404, 'not-found', 'No such job.')))).toEqual({
      statusCode: 404,
      name: 'not-found',
      message: 'No such job.',
    });
    const reasons = [{ index: 0, input: 'UPPER', reason: 'is not lower case' }];
    expect(errorReply(400, 'invalid-reference', '1 reference(s) refused', reasons)).toEqual({
      statusCode: 400,
      name: 'invalid-reference',
      message: '1 reference(s) refused',
      reasons,
    });
  });
});

describe('readErrorFields', () => {
  it('reads name and message from an error reply', () => {
    expect(readErrorFields(errorReply(429, 'busy', 'Try again.'))).toEqual({ name: 'busy', message: 'Try again.' });
  });

  it('keeps only string fields and never throws on other values', () => {
    expect(readErrorFields({ name: 7, message: 'only this' })).toEqual({ message: 'only this' });
    expect(readErrorFields({ name: 'only-this', message: null })).toEqual({ name: 'only-this' });
    for (const value of [undefined, null, 'text', 42, ['name', 'message'], { error: { code: 'x', message: 'y' } }])
      expect(readErrorFields(value)).toEqual({});
  });
});
