/**
 * The backend's real DeepCheck (src/deepCheck over a reader) through the routes, in-process: a fake reader and
 * platform check stand in for the registry; the result is the core's JSON row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import { createBackend, type Backend } from '@backend/app.js';
import { createDeepCheckService } from '@backend/deepCheckService.js';
import type { JsonRow } from '@core/index.js';
import { fileOf } from '../../support/deepData.js';
import { AMD, ARM, REF, fakePlatformCheck, fakeReader, inspectResult, textFile } from '../../support/fakeReader.js';

const backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

const META = textFile('/metadata.json', JSON.stringify({ host: { binaries: [{ linux: [{ path: '/linux/tool' }] }] } }));

describe('the backend with the real deep check', () => {
  it('POST /deep answers each reference with its JSON row; progress carries bytes; health says available', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': META, '/linux/tool': fileOf('/linux/tool', 'linuxX64') } },
      [ARM]: { files: { '/metadata.json': META, '/linux/tool': fileOf('/linux/tool', 'linuxX64') } },
    });
    const deepCheck = createDeepCheckService({
      reader,
      platformCheck: fakePlatformCheck({ [REF]: inspectResult(REF, { 'linux/amd64': AMD, 'linux/arm64': ARM }) }),
    });
    const b = createBackend({ deepCheck, info: { version: '1', node: 'v22', arch: 'x64' }, sweepEveryMs: 0 });
    backends.push(b);
    expect(b.handle({ method: 'GET', path: '/health' }).body).toMatchObject({ deepCheck: 'available' });
    const posted = b.handle({ method: 'POST', path: '/deep', body: { references: [REF] } });
    const { id } = posted.body as DeepJobSnapshot;
    await b.jobs?.settled(id);
    const job = b.handle({ method: 'GET', path: `/deep/${id}` }).body as DeepJobSnapshot;
    const row = job.items[0]?.result as unknown as JsonRow;
    expect(row).toMatchObject({
      reference: REF,
      verdict: 'wrong-host-binary',
      deep: { status: 'checked', platformVerdict: 'ready' },
    });
    expect(row.hostBinaries?.map((h) => [h.platform, h.state, h.found, h.wanted])).toEqual([
      ['linux/amd64', 'ok', 'x86_64', 'x86_64'],
      ['linux/arm64', 'wrong-cpu', 'x86_64', 'arm64'],
    ]);
    expect(job.items[0]?.progress).toEqual({ phase: 'done', bytesRead: 400, bytesTotal: 2000 });
  });
});
