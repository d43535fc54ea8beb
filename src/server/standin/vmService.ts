/**
 * The stand-in's ddClient.extension.vm.service: each request goes to the browser-mode server at
 * `${VM_PATH}<url>`, which relays it to Arch Matrix's backend (in-process or on its socket).
 * It behaves as a real host does (platform-facts.md, last section): object bodies are sent as
 * JSON; a 2xx resolves to the parsed JSON body (or the raw text when it is not JSON); a non-2xx
 * REJECTS with {statusCode, name, message}, `message` being the raw body text. When the
 * browser-mode server itself does not answer, it rejects with an Error (as a host whose proxy fails).
 */
import type { v1 } from '@docker/extension-api-client-types';
import { readErrorFields } from '../../wire/errors.js';
import { KEY_HEADER, VM_PATH } from '../../wire/standinProtocol.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What a non-2xx rejects with (v1.ServiceError). */
export interface ServiceRejection {
  readonly statusCode: number;
  readonly name: string;
  readonly message: string;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export function createVmService(fetchFn: FetchLike, key: string | undefined): v1.HttpService {
  const send = async (
    method: string,
    url: string,
    data?: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> => {
    if (typeof url !== 'string' || !url.startsWith('/'))
      throw new Error(`vm.service: the URL must start with "/", not ${JSON.stringify(String(url)).slice(0, 80)}`);
    const body =
      data === undefined || data === null ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
    const response = await fetchFn(`${VM_PATH}${url}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === undefined ? {} : { [KEY_HEADER]: key }),
      },
      ...(body === undefined ? {} : { body }),
      credentials: 'omit',
    });
    const text = await response.text();
    if (response.ok) return parsed(text);
    const reply = parsed(text);
    // The one ErrorReply {statusCode, name, message}, from the backend or the browser-mode server's refusal.
    const name = readErrorFields(reply).name ?? 'Error';
    const rejection: ServiceRejection = { statusCode: response.status, name, message: text };
    throw rejection;
  };
  return {
    get: (url) => send('GET', url),
    post: (url, data: unknown) => send('POST', url, data),
    put: (url, data: unknown) => send('PUT', url, data),
    patch: (url, data: unknown) => send('PATCH', url, data),
    delete: (url) => send('DELETE', url),
    head: (url) => send('HEAD', url),
    request: (config) =>
      send(String(config.method).toUpperCase(), config.url, config.data as unknown, { ...config.headers }),
  };
}
