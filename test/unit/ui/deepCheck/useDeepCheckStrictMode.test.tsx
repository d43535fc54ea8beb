/**
 * Under React's StrictMode (`npm run dev`), effects run, clean up and run again at mount: the first
 * queue leaves (its job is cancelled on the backend) and the second one checks the rows to the end,
 * instead of leaving them "running" with no job behind them.
 */
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, it } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import type { BackendPort } from '@ui/features/deepCheck/backendClient/backendPort';
import { useDeepCheck } from '@ui/features/deepCheck/hooks/useDeepCheck';
import { rowKey } from '@ui/shared/matrixRow';
import { DockerProvider } from '@ui/shared/docker/DockerContext';
import { doneRow, snapshot, wrongHostBinaryRow } from '../../../support/deepRows.js';

const dd = {
  host: { arch: 'arm64', platform: 'darwin' },
  extension: { image: '' },
  docker: { cli: { exec: () => undefined } },
} as unknown as v1.DockerDesktopClient;
const wrapper = ({ children }: { readonly children: ReactNode }): ReactNode => (
  <DockerProvider dd={dd}>{children}</DockerProvider>
);

it('checks a row to the end when StrictMode mounts the hook twice', async () => {
  const log = { started: 0, cancelled: [] as string[] };
  const port: BackendPort = {
    startDeep: (references) => {
      log.started += 1;
      return Promise.resolve({
        ok: true,
        value: snapshot(`job-${log.started}`, references[0] ?? '', { state: 'queued' }),
      });
    },
    pollDeep: (id) =>
      Promise.resolve({ ok: true, value: snapshot(id, 'r', { state: 'done', result: wrongHostBinaryRow }, 'done') }),
    cancelDeep: (id) => {
      log.cancelled.push(id);
      return Promise.resolve({ ok: true, value: snapshot(id, 'r', { state: 'cancelled' }, 'cancelled') });
    },
  };
  const row = doneRow('127.0.0.1:5100/deep/x:1');
  const { result } = renderHook(() => useDeepCheck([row], port), { wrapper, reactStrictMode: true });
  await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('done'));
  expect(log.started).toBe(2);
  expect(log.cancelled).toEqual(['job-1']);
});
