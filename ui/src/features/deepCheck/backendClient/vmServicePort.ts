/**
 * BackendPort over Docker Desktop's `ddClient.extension.vm.service` (or browser mode's stand-in).
 *
 * What hosts do (platform-facts.md, last section): object bodies go out as JSON; a 2xx resolves to
 * the parsed JSON (or the raw text); a non-2xx REJECTS with {statusCode, name, message}, where
 * `message` may be the raw body text (our backend's body is itself the ErrorReply {statusCode, name, message}
 * of src/wire/errors.ts, and so is every refusal of browser mode's server).
 * A host whose proxy cannot reach the backend rejects with an Error or a 5xx. A request the backend
 * does not answer within `timeoutMs` is "down" too: the row says so and the next request retries.
 */
import type { v1 } from '@docker/extension-api-client-types';
import { isRecord } from '@core/json.js';
import { DEEP_PATH, JOB_ID, type DeepRequestBody } from '@wire/backendApi.js';
import { readErrorFields } from '@wire/errors.js';
import type { BackendAnswer, BackendFailure, BackendFailureKind, BackendPort, DeepRequestOptions } from './backendPort';
import { parseJobSnapshot } from './jobSnapshot';

/** How long one request may take before the backend counts as down (it answers in milliseconds). */
export const BACKEND_REQUEST_TIMEOUT_MS = 15_000;

function kindOf(statusCode: number | undefined, name: string | undefined): BackendFailureKind {
  if (statusCode === undefined) return 'down';
  if (statusCode === 404) return name === 'not-found' || name === undefined ? 'job-lost' : 'error';
  if (statusCode === 429) return 'busy';
  if (statusCode === 501) return 'unavailable';
  if (statusCode === 400) return 'refused';
  if (statusCode === 408 || statusCode === 502 || statusCode === 503 || statusCode === 504) return 'down';
  return 'error';
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The ErrorReply's {name, message} inside a host's rejection (`message` may be the raw body text). */
function innerReply(message: string | undefined): { name?: string; message?: string } {
  if (message === undefined || !message.trimStart().startsWith('{')) return {};
  try {
    const fields = readErrorFields(JSON.parse(message));
    return { name: text(fields.name), message: text(fields.message) };
  } catch {
    return {};
  }
}

/** Any rejection a host may produce, as a typed failure. */
export function failureFromRejection(reason: unknown): BackendFailure {
  if (isRecord(reason) && typeof reason['statusCode'] === 'number') {
    const statusCode = reason['statusCode'];
    const outer = text(reason['message']);
    const inner = innerReply(outer);
    const name = inner.name ?? text(reason['name']);
    const message = inner.message ?? outer ?? `the backend answered HTTP ${statusCode}`;
    return { kind: kindOf(statusCode, name), statusCode, message };
  }
  const message = reason instanceof Error ? reason.message : isRecord(reason) ? text(reason['message']) : text(reason);
  return {
    kind: 'down',
    message: `Arch Matrix's backend did not answer${message === undefined ? '' : ` (${message.slice(0, 200)})`}`,
  };
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: unknown };

/** The request's outcome, or a rejection of our own when it takes longer than `ms`. */
function settleWithin(start: () => Promise<unknown>, ms: number): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, reason: new Error(`no answer within ${Math.round(ms / 1000)} s`) }),
      ms,
    );
    const done = (outcome: Settled): void => {
      clearTimeout(timer);
      resolve(outcome);
    };
    Promise.resolve()
      .then(start)
      .then(
        (value) => done({ ok: true, value }),
        (reason: unknown) => done({ ok: false, reason }),
      );
  });
}

/** The host's vm.service, if it has one (reading it never throws). */
export function readVmService(dd: v1.DockerDesktopClient): v1.HttpService | undefined {
  try {
    const service: unknown = dd.extension?.vm?.service;
    return isRecord(service) &&
      typeof service['get'] === 'function' &&
      typeof service['post'] === 'function' &&
      typeof service['delete'] === 'function'
      ? (service as unknown as v1.HttpService)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createVmServicePort(dd: v1.DockerDesktopClient, timeoutMs = BACKEND_REQUEST_TIMEOUT_MS): BackendPort {
  const call = async (send: (service: v1.HttpService) => Promise<unknown>): Promise<BackendAnswer> => {
    const service = readVmService(dd);
    if (service === undefined) {
      return {
        ok: false,
        error: {
          kind: 'no-backend',
          message: 'This Docker Desktop gives the tab no backend (extension.vm.service): the deep check needs it.',
        },
      };
    }
    const answer = await settleWithin(() => send(service), timeoutMs);
    if (!answer.ok) return { ok: false, error: failureFromRejection(answer.reason) };
    const parsed = typeof answer.value === 'string' ? innerJson(answer.value) : answer.value;
    const snapshot = parseJobSnapshot(parsed);
    return snapshot === undefined
      ? {
          ok: false,
          error: {
            kind: 'malformed',
            message: "Arch Matrix's backend answered in a shape this tab does not know (a different version?).",
          },
        }
      : { ok: true, value: snapshot };
  };
  const jobPath = (id: string): string | undefined => (JOB_ID.test(id) ? `${DEEP_PATH}/${id}` : undefined);
  const badId: BackendAnswer = {
    ok: false,
    error: { kind: 'malformed', message: 'The backend gave a job id of the wrong shape.' },
  };
  return {
    startDeep: (references, options) => call((service) => service.post(DEEP_PATH, requestBody(references, options))),
    pollDeep: (id) => {
      const path = jobPath(id);
      return path === undefined ? Promise.resolve(badId) : call((service) => service.get(path));
    },
    cancelDeep: (id) => {
      const path = jobPath(id);
      return path === undefined ? Promise.resolve(badId) : call((service) => service.delete(path));
    },
  };
}

/** A host that hands back the raw text of a JSON body. */
function innerJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** POST /deep's body: the references, and the source and variants when asked (none: the registry, every variant). */
export function requestBody(references: readonly string[], options?: DeepRequestOptions): DeepRequestBody {
  return {
    references: [...references],
    ...(options === undefined ? {} : { source: options.source }),
    ...(options?.platforms === undefined ? {} : { platforms: [...options.platforms] }),
  };
}
