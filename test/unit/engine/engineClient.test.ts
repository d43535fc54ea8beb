/**
 * The read-only Engine API client against a stand-in engine on a real Unix socket: version negotiation
 * from the recorded /version of both test engines, the newer call parts only where offered, typed
 * failures (no socket, unreachable, not found, API too old, refused, deadline, cancel, byte cap).
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '@core/index.js';
import {
  createEngineClient,
  engineImageName,
  EngineError,
  isAllowedEngineRequest,
  type EngineFailure,
  type EngineImageName,
  type EngineRequestRecord,
} from '@engine/index.js';
import { engineData, sendJson, startFakeEngine, withVersion, type FakeEngine } from '../../support/fakeEngine.js';

const engines: FakeEngine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function engine(...args: Parameters<typeof startFakeEngine>): Promise<FakeEngine> {
  const e = await startFakeEngine(...args);
  engines.push(e);
  return e;
}

const GOOD = '127.0.0.1:5100/corpus/good:1.0.0';
function name(text: string): EngineImageName {
  const n = engineImageName(text);
  if (!n.ok) throw new Error(n.error);
  return n.value;
}

function failure<T>(r: Result<T, EngineFailure>): EngineFailure {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}
function value<T>(r: Result<T, EngineFailure>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

async function drain(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const version = (api: string, min = '1.24'): Buffer =>
  Buffer.from(JSON.stringify({ Version: 'x', ApiVersion: api, MinAPIVersion: min, Os: 'linux', Arch: 'amd64' }));

describe('negotiation and the newer call parts', () => {
  it('speaks API 1.45 with the recorded 26.1.5 engine: no manifests, no export platform', async () => {
    const recorded = await engineData('version.docker-26.1.5.json');
    const images = await engineData('images.docker-26.1.5-containerd.json');
    const e = await engine(
      withVersion(recorded, (req, res) => {
        if (req.url === '/v1.45/images/json') return sendJson(res, 200, images.toString());
        if (req.url?.endsWith('/get')) {
          res.writeHead(200, { 'Content-Type': 'application/x-tar' });
          return void res.end('tar');
        }
        sendJson(res, 404, { message: 'no' });
      }),
    );
    const records: EngineRequestRecord[] = [];
    const client = createEngineClient({ socketPath: e.socketPath, onRequest: (r) => records.push(r) });
    const negotiated = value(await client.negotiate());
    expect(negotiated.api).toEqual({ major: 1, minor: 45 });
    expect(negotiated.engine.version).toBe('26.1.5+dfsg1');
    const list = value(await client.images());
    expect(list.map((i) => i.repoTags[0])).toContain(GOOD);
    expect(list.every((i) => i.manifests === undefined)).toBe(true);
    const exported = value(await client.exportImage(name(GOOD), { os: 'linux', architecture: 'amd64' }));
    expect((await drain(exported.body)).toString()).toBe('tar');
    expect(e.requests.map((r) => r.path)).toEqual([
      '/version',
      '/v1.45/images/json',
      '/v1.45/images/127.0.0.1%3A5100%2Fcorpus%2Fgood%3A1.0.0/get',
    ]);
    expect(records.map((r) => r.path)).toEqual(e.requests.map((r) => r.path));
    expect(records.every((r) => isAllowedEngineRequest(r.method, r.path))).toBe(true);
  });

  it('speaks API 1.51 with the recorded 28.5.2 engine: manifests=1 and the export platform', async () => {
    const recorded = await engineData('version.docker-28.5.2.json');
    const images = await engineData('images-manifests.docker-28.5.2-containerd.json');
    const e = await engine(
      withVersion(recorded, (req, res) => {
        if (req.url === '/v1.51/images/json?manifests=1') return sendJson(res, 200, images.toString());
        res.writeHead(200);
        res.end('tar');
      }),
    );
    const client = createEngineClient({ socketPath: e.socketPath });
    const list = value(await client.images());
    const good = list.find((i) => i.repoTags.includes(GOOD));
    expect(good?.manifests?.filter((m) => m.available).map((m) => [m.id.slice(0, 19), m.platform])).toEqual([
      ['sha256:55689a8ae463', { os: 'linux', architecture: 'amd64', variant: undefined, osVersion: undefined }],
    ]);
    const exported = value(await client.exportImage(name(GOOD), { os: 'linux', architecture: 'arm', variant: 'v7' }));
    await drain(exported.body);
    expect(e.requests.at(-1)?.path).toBe(
      '/v1.51/images/127.0.0.1%3A5100%2Fcorpus%2Fgood%3A1.0.0/get?platform=%7B%22os%22%3A%22linux%22%2C%22architecture%22%3A%22arm%22%2C%22variant%22%3A%22v7%22%7D',
    );
    expect(e.requests.filter((r) => r.path.endsWith('/version'))).toHaveLength(1);
  });

  it('caps the API at 1.51 with a newer engine', async () => {
    const e = await engine(withVersion(version('1.53'), (_q, res) => sendJson(res, 200, [])));
    const client = createEngineClient({ socketPath: e.socketPath });
    expect(value(await client.negotiate()).api).toEqual({ major: 1, minor: 51 });
    value(await client.images());
    expect(e.requests.at(-1)?.path).toBe('/v1.51/images/json?manifests=1');
  });

  it('says the engine API is too old, or too new, and sends nothing else', async () => {
    const old = await engine(withVersion(version('1.40', '1.12'), (_q, res) => sendJson(res, 200, [])));
    const failed = failure(await createEngineClient({ socketPath: old.socketPath }).images());
    expect(failed.kind).toBe('api-too-old');
    expect(failed.message).toMatch(/API 1\.40.*1\.41 or later/);
    expect(old.requests.map((r) => r.path)).toEqual(['/version']);
    const future = await engine(withVersion(version('1.60', '1.55'), (_q, res) => sendJson(res, 200, [])));
    expect(failure(await createEngineClient({ socketPath: future.socketPath }).images()).kind).toBe('api-too-new');
  });

  it('reads the recorded too-old answer of an engine as api-too-old', async () => {
    const e = await engine(
      withVersion(version('1.45'), (_q, res) =>
        sendJson(res, 400, {
          message:
            'client version 1.11 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version',
        }),
      ),
    );
    expect(failure(await createEngineClient({ socketPath: e.socketPath }).images()).kind).toBe('api-too-old');
  });
});

describe('typed failures', () => {
  it('no socket at all', async () => {
    const client = createEngineClient({ socketPath: join(tmpdir(), 'archmatrix-no-such-dir', 'docker.sock') });
    const failed = failure(await client.ping());
    expect(failed.kind).toBe('no-socket');
    expect(failed.message).toContain('no engine socket');
  });

  it('a socket path where nothing listens', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'archmatrix-engine-test-'));
    dirs.push(dir);
    await writeFile(join(dir, 'docker.sock'), '');
    expect(failure(await createEngineClient({ socketPath: join(dir, 'docker.sock') }).ping()).kind).toBe('unreachable');
  });

  it('an image the engine does not hold (the recorded 404)', async () => {
    const e = await engine(
      withVersion(version('1.45'), (_q, res) => sendJson(res, 404, { message: 'No such image: nope:1' })),
    );
    const failed = failure(await createEngineClient({ socketPath: e.socketPath }).inspect(name(GOOD)));
    expect(failed).toMatchObject({ kind: 'not-found', status: 404 });
    expect(failed.message).toContain('No such image: nope:1');
  });

  it("a platform the store lacks (28.5.2's recorded 500) is not-found; another 500 is an engine error", async () => {
    const recorded = (await engineData('export-other-platform.docker-28.5.2-classic.http.txt')).toString();
    const body = recorded.slice(recorded.indexOf('{'));
    const e = await engine(withVersion(version('1.51'), (_q, res) => sendJson(res, 500, body)));
    const client = createEngineClient({ socketPath: e.socketPath });
    const failed = failure(await client.exportImage(name(GOOD), { os: 'linux', architecture: 'arm64' }));
    expect(failed.kind).toBe('not-found');
    expect(failed.message).toContain('no suitable export target found for platform linux/arm64');
    e.handler = withVersion(version('1.51'), (_q, res) => sendJson(res, 500, { message: 'disk on fire' }));
    expect(failure(await client.inspect(name(GOOD)))).toMatchObject({ kind: 'engine-error', status: 500 });
  });

  it('a name the builder refuses never reaches the socket', async () => {
    const e = await engine(withVersion(version('1.51'), (_q, res) => sendJson(res, 200, {})));
    const client = createEngineClient({ socketPath: e.socketPath });
    const failed = failure(await client.inspect('../../containers/json' as EngineImageName));
    expect(failed.kind).toBe('refused');
    expect(e.requests.map((r) => r.path)).toEqual(['/version']);
  });

  it('an engine that never answers: the deadline, then a cancel', async () => {
    const e = await engine(withVersion(version('1.51'), () => undefined));
    const client = createEngineClient({ socketPath: e.socketPath });
    value(await client.negotiate());
    const started = Date.now();
    expect(failure(await client.inspect(name(GOOD), { deadlineMs: 150 })).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 50);
    expect(failure(await client.inspect(name(GOOD), { signal: cancel.signal, deadlineMs: 5000 })).kind).toBe(
      'cancelled',
    );
  });

  it('an export that stalls mid-way ends at the deadline with a timeout', async () => {
    const e = await engine(
      withVersion(version('1.51'), (_q, res) => {
        res.writeHead(200);
        res.write(Buffer.alloc(1000));
      }),
    );
    const client = createEngineClient({ socketPath: e.socketPath });
    const exported = value(await client.exportImage(name(GOOD), undefined, { deadlineMs: 200 }));
    const error = await drain(exported.body).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).failure.kind).toBe('timeout');
    expect(exported.bytes()).toBe(1000);
  });

  it('an export the engine cuts short', async () => {
    const e = await engine(
      withVersion(version('1.51'), (_q, res) => {
        res.writeHead(200, { 'Content-Length': '5000' });
        res.write(Buffer.alloc(1000), () => res.destroy());
      }),
    );
    const exported = value(await createEngineClient({ socketPath: e.socketPath }).exportImage(name(GOOD), undefined));
    const error = await drain(exported.body).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((error as EngineError).failure.kind).toBe('bad-answer');
    expect((error as EngineError).failure.message).toContain('cut short');
  });

  it('answers over the byte cap: a JSON answer and an export', async () => {
    const e = await engine(
      withVersion(version('1.51'), (req, res) => {
        res.writeHead(200);
        res.end(req.url?.endsWith('/get') ? Buffer.alloc(10_000) : JSON.stringify(new Array(5000).fill('x')));
      }),
    );
    const client = createEngineClient({ socketPath: e.socketPath, limits: { maxJsonBytes: 1000 } });
    expect(failure(await client.images()).kind).toBe('too-large');
    const exported = value(await client.exportImage(name(GOOD), undefined, { maxBytes: 4096 }));
    const error = await drain(exported.body).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((error as EngineError).failure.kind).toBe('too-large');
  });

  it('an answer that is not the expected JSON', async () => {
    const e = await engine(withVersion(version('1.51'), (_q, res) => sendJson(res, 200, '{"not":"a list"}')));
    expect(failure(await createEngineClient({ socketPath: e.socketPath }).images()).kind).toBe('bad-answer');
    const garbled = await engine((_q, res) => sendJson(res, 200, 'not json'));
    expect(failure(await createEngineClient({ socketPath: garbled.socketPath }).negotiate()).kind).toBe('bad-answer');
  });
});
