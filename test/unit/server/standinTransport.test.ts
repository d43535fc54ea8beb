import { describe, expect, it } from 'vitest';
import { createTransport, parseReply } from '@server/standin/transport.js';

interface Call {
  readonly input: string;
  readonly init: RequestInit;
}

const fakeFetch = (respond: () => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    calls.push({ input, init });
    return respond();
  };
  return { calls, fetchFn };
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const body = { args: ['buildx', 'version'], form: 'stream' } as const;

describe('createTransport', () => {
  it('POSTs JSON with the key header to /api/exec and returns the reply', async () => {
    const reply = { argv: ['buildx', 'version'], stdout: 'github.com/docker/buildx 0.13.1\n', stderr: '', exitCode: 0 };
    const { calls, fetchFn } = fakeFetch(() => json(200, reply));
    const result = await createTransport(fetchFn, 'the-key')(body, new AbortController().signal);
    expect(result).toEqual({ ok: true, reply });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe('/api/exec');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'application/json', 'x-archmatrix-key': 'the-key' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
  });

  it('names the page with its id when it has one, so the server caps its commands apart from other pages', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(200, { argv: ['version'], stdout: '', stderr: '', exitCode: 0 }));
    await createTransport(
      fetchFn,
      'the-key',
      '0b7c2a52-4a39-4f0e-9d4e-1f2a3b4c5d6e',
    )(body, new AbortController().signal);
    expect(calls[0]?.init.headers).toEqual({
      'content-type': 'application/json',
      'x-archmatrix-key': 'the-key',
      'x-archmatrix-client': '0b7c2a52-4a39-4f0e-9d4e-1f2a3b4c5d6e',
    });
  });

  it('sends no key header when the page has no key', async () => {
    const { calls, fetchFn } = fakeFetch(() =>
      json(401, { statusCode: 401, name: 'unauthorized', message: 'Missing or wrong key' }),
    );
    const result = await createTransport(fetchFn, undefined)(body, new AbortController().signal);
    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(result).toEqual({ ok: false, kind: 'unauthorized', message: 'Missing or wrong key' });
  });

  it('reports a refusal with the server message', async () => {
    const { fetchFn } = fakeFetch(() =>
      json(403, { statusCode: 403, name: 'forbidden-command', message: 'Refused: `docker rm x`' }),
    );
    expect(await createTransport(fetchFn, 'k')(body, new AbortController().signal)).toEqual({
      ok: false,
      kind: 'refused',
      message: 'Refused: `docker rm x`',
    });
  });

  it('reports a dead server as unreachable', async () => {
    const { fetchFn } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createTransport(fetchFn, 'k')(body, new AbortController().signal);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.kind).toBe('unreachable');
  });

  it('reports an abort as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetchFn } = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const result = await createTransport(fetchFn, 'k')(body, controller.signal);
    expect(result.ok === false && result.kind).toBe('aborted');
  });

  it('reports a reply of the wrong shape as malformed (built from a real reply with exitCode made a string)', async () => {
    const { fetchFn } = fakeFetch(() => json(200, { argv: ['version'], stdout: '', stderr: '', exitCode: '0' }));
    const result = await createTransport(fetchFn, 'k')(body, new AbortController().signal);
    expect(result.ok === false && result.kind).toBe('malformed');
  });
});

describe('parseReply', () => {
  it('keeps a known interruption', () => {
    expect(parseReply({ argv: [], stdout: '', stderr: 'x', exitCode: null, interrupted: 'spawn-failed' })).toEqual({
      argv: [],
      stdout: '',
      stderr: 'x',
      exitCode: null,
      interrupted: 'spawn-failed',
    });
  });

  it.each([
    ['an unknown interruption', { argv: [], stdout: '', stderr: '', exitCode: null, interrupted: 'exploded' }],
    ['argv with a number', { argv: [1], stdout: '', stderr: '', exitCode: 0 }],
    ['no stdout', { argv: [], stderr: '', exitCode: 0 }],
    ['an array', []],
  ])('refuses %s', (_name, value) => {
    expect(parseReply(value)).toBeUndefined();
  });
});
