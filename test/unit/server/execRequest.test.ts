import { describe, expect, it } from 'vitest';
import { checkContentType, MAX_ARG_LENGTH, MAX_ARGS, parseExecBody } from '@server/execRequest.js';

const refusal = (text: string): string => {
  const result = parseExecBody(text);
  if (result.ok) throw new Error(`expected a refusal for ${text}`);
  expect(result.error.statusCode).toBe(400);
  return result.error.message;
};

describe('parseExecBody', () => {
  it('accepts args and form', () => {
    expect(parseExecBody('{"args":["buildx","version"],"form":"stream"}')).toEqual({
      ok: true,
      value: { args: ['buildx', 'version'], form: 'stream' },
    });
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('args=buildx')).toMatch(/not valid JSON/);
  });

  it.each(['[]', '"x"', 'null', '42'])('refuses %s (not an object)', (text) => {
    expect(refusal(text)).toMatch(/JSON object/);
  });

  it('refuses args that are not an array', () => {
    expect(refusal('{"args":"buildx version","form":"exec"}')).toMatch(/array of strings/);
  });

  it('refuses an empty args array', () => {
    expect(refusal('{"args":[],"form":"exec"}')).toMatch(/1 to/);
  });

  it('refuses too many arguments', () => {
    expect(refusal(JSON.stringify({ args: Array.from({ length: MAX_ARGS + 1 }, () => 'x'), form: 'exec' }))).toMatch(
      /1 to/,
    );
  });

  it('refuses a non-string argument', () => {
    expect(refusal('{"args":["image",{"a":1}],"form":"exec"}')).toMatch(/args\[1\]/);
  });

  it('refuses an over-long argument', () => {
    expect(refusal(JSON.stringify({ args: ['x'.repeat(MAX_ARG_LENGTH + 1)], form: 'exec' }))).toMatch(/longer/);
  });

  it('refuses a NUL character', () => {
    expect(refusal(JSON.stringify({ args: ['version\u0000'], form: 'exec' }))).toMatch(/NUL/);
  });

  it.each(['{"args":["version"]}', '{"args":["version"],"form":"shell"}'])(
    'refuses a missing or unknown form: %s',
    (text) => {
      expect(refusal(text)).toMatch(/form/);
    },
  );

  it('refuses unknown fields (e.g. a command other than docker)', () => {
    expect(refusal('{"cmd":"sh","args":["-c","id"],"form":"exec"}')).toMatch(/Unknown field\(s\): cmd/);
  });
});

describe('checkContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])('accepts %s', (type) => {
    expect(checkContentType(type).ok).toBe(true);
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'refuses %s with 415',
    (type) => {
      const result = checkContentType(type);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.statusCode).toBe(415);
    },
  );
});
