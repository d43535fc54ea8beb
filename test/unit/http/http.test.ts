/**
 * src/http on a real Node server on loopback: the body readers refuse with the one ErrorReply, and
 * every JSON answer carries the base headers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonBody } from '@http/body.js';
import { BASE_HEADERS, sendErrorReply, sendJson, sendJsonText } from '@http/reply.js';
import { errorReply } from '@wire/errors.js';
import { send } from '../../support/httpClient.js';

const LIMIT = 64;
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/text') return sendJsonText(res, 202, '{"relayed":true}');
    if (req.url === '/error') return sendErrorReply(res, errorReply(429, 'busy', 'Try again.'));
    void readJsonBody(req, LIMIT, req.url === '/typed').then((read) =>
      read.ok ? sendJson(res, 200, { body: read.value ?? null }) : sendErrorReply(res, read.error),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = { 'content-type': 'application/json' };

describe('readJsonBody', () => {
  it('reads a JSON body, and an empty one as nothing', async () => {
    expect(JSON.parse((await send(port, { method: 'POST', headers: json, body: '{"a":1}' })).body)).toEqual({
      body: { a: 1 },
    });
    expect(JSON.parse((await send(port, { method: 'POST' })).body)).toEqual({ body: null });
  });

  it.each([
    ['a body over the limit', '/', json, 'x'.repeat(LIMIT + 1), 413, 'too-large'],
    ['a body that is not JSON', '/', json, '{', 400, 'bad-request'],
    ['a body of another type', '/', { 'content-type': 'text/plain' }, '{}', 415, 'unsupported-media-type'],
    ['an untyped body where a type is required', '/typed', {}, '{}', 415, 'unsupported-media-type'],
  ])('refuses %s with the error reply', async (_what, path, headers, body, status, name) => {
    const res = await send(port, { method: 'POST', path, headers, body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: status, name });
  });

  it('accepts an untyped body where no type is required', async () => {
    expect((await send(port, { method: 'POST', body: '{}' })).status).toBe(200);
  });
});

describe('JSON answers', () => {
  it('carry the base headers, no caching and the exact length', async () => {
    const res = await send(port, { path: '/text' });
    expect(res.status).toBe(202);
    expect(res.body).toBe('{"relayed":true}');
    expect(res.headers).toMatchObject({
      ...BASE_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(res.body)),
      'cache-control': 'no-store',
    });
  });

  it('send an error reply with its own status', async () => {
    const res = await send(port, { path: '/error' });
    expect(res.status).toBe(429);
    expect(JSON.parse(res.body)).toEqual({ statusCode: 429, name: 'busy', message: 'Try again.' });
  });
});
