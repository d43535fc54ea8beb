/**
 * One image's deep check as one backend job: POST /deep, then GET /deep/<id> at the pace the backend
 * asks for (pollAfterMs, kept between MIN_POLL_MS and MAX_POLL_MS), reporting progress in bytes,
 * until the job ends. A job the backend forgot (it restarted: job-lost) is started again once.
 * When the signal aborts (Stop, a newer platform result, leaving the tab) the job reports nothing
 * more and is cancelled on the backend (DELETE /deep/<id>) so that the backend stops reading too.
 * No React: the queue (deepQueue.ts) runs it.
 */
import { LOCAL_ITEM_ERRORS, type DeepJobSnapshot } from '@wire/backendApi.js';
import type { BackendFailure, BackendPort, DeepRequestOptions } from '../backendClient/backendPort';
import { parseProgress } from '../backendClient/jobSnapshot';
import { parseDeepFindings } from './deepFindings';
import type { DeepRowState } from './deepRow';
import { pause, type Timer } from './timer';

export const MIN_POLL_MS = 200;
export const MAX_POLL_MS = 5_000;

/** The row's state for a failed request: "backend down" is a state of the row, never a throw. */
export function stateOfFailure(failure: BackendFailure): DeepRowState {
  switch (failure.kind) {
    case 'no-backend':
      return { kind: 'no-backend', message: failure.message };
    case 'unavailable':
      return { kind: 'no-backend', message: `The backend has no deep check (${failure.message}).` };
    case 'down':
    case 'busy':
    case 'job-lost':
      return { kind: 'backend-down', message: failure.message };
    case 'refused':
    case 'malformed':
    case 'error':
      return { kind: 'failed', message: failure.message };
  }
}

export interface DeepJobRun {
  readonly port: BackendPort;
  readonly timer: Timer;
  /** The image to read (the platform result's canonical reference). */
  readonly reference: string;
  /** Where to read (this machine's engine, or the registry) and, from the registry, which variants. */
  readonly request: DeepRequestOptions;
  readonly signal: AbortSignal;
  /** Every state of the row while the job runs, the last one final; nothing once the signal aborted. */
  readonly report: (state: DeepRowState) => void;
}

/** Runs the job to its end (or until the signal aborts); never rejects. */
export async function runDeepJob({ port, timer, reference, request, signal, report }: DeepJobRun): Promise<void> {
  report({ kind: 'running' });
  let restarted = false;
  let answer = await port.startDeep([reference], request);
  let id: string | undefined;
  for (;;) {
    if (!answer.ok) {
      if (answer.error.kind === 'job-lost' && !restarted && !signal.aborted) {
        restarted = true;
        answer = await port.startDeep([reference], request);
        continue;
      }
      if (!signal.aborted) report(stateOfFailure(answer.error));
      return;
    }
    const snapshot: DeepJobSnapshot = answer.value;
    id = snapshot.id;
    if (signal.aborted) break;
    const item = snapshot.items[0];
    if (item === undefined) {
      report({ kind: 'failed', message: 'the backend answered a job without the image' });
      return;
    }
    if (item.state === 'done') {
      const findings = parseDeepFindings(item.result, request.source);
      report(
        findings === undefined
          ? { kind: 'failed', message: 'the backend answered without deep findings (a different version?)' }
          : { kind: 'done', findings, remembered: false },
      );
      return;
    }
    const local = LOCAL_ITEM_ERRORS.find((name) => name === item.error?.name);
    if (item.state === 'failed' && local !== undefined) {
      // This machine's copy could not be read; the backend downloaded nothing instead.
      report({ kind: 'local-missing', reason: local, message: item.error?.message ?? local });
      return;
    }
    if (item.state === 'failed') {
      report({ kind: 'failed', message: item.error?.message ?? 'the check failed' });
      return;
    }
    if (item.state === 'cancelled' || snapshot.state === 'cancelled') {
      report(
        snapshot.cancelReason === 'client'
          ? { kind: 'stopped' }
          : {
              kind: 'backend-down',
              message: `the backend cancelled the check (${snapshot.cancelReason ?? 'cancelled'})`,
            },
      );
      return;
    }
    const progress = parseProgress(item.progress);
    report({ kind: 'running', bytesRead: progress?.bytesRead, bytesTotal: progress?.bytesTotal });
    await pause(timer, Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, snapshot.pollAfterMs)), signal);
    if (signal.aborted) break;
    answer = await port.pollDeep(snapshot.id);
  }
  // Stopped (by the user, a newer result, or leaving the tab): the backend stops reading too.
  if (id !== undefined) void port.cancelDeep(id);
}
