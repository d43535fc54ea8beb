/**
 * A read-only registry HTTP client (global fetch): GET manifests and blobs, nothing else.
 * 401 -> WWW-Authenticate: Bearer (token from the realm, anonymous or with the stored login) or Basic,
 * then one retry. Redirects are followed by hand, at most `maxRedirects` hops; a hop to another host
 * never carries the registry's Authorization. Plain HTTP only to loopback hosts.
 */
import { MEDIA_TYPES } from '../core/mediaTypes.js';
import type { Repository } from '../core/types.js';
import { parseAuthChallenge, type AuthChallenge } from './authChallenge.js';
import type { CredentialsPort, RegistryCredential } from './credentials.js';
import { allowedUrl, registryOrigin } from './endpoint.js';
import { failure, RegistryFailure, statusFailure, thrownFailure } from './httpFailure.js';
import { anySignal, concatBytes, streamChunks } from './byteStreams.js';

/** The signals of one image's read: the deadline, and the caller's cancel. */
export interface RequestSignals {
  readonly deadline: AbortSignal;
  readonly cancel?: AbortSignal | undefined;
  /** Both combined; this is what requests are given. */
  readonly signal: AbortSignal;
}

/** `deadline` is a number of milliseconds from now, or a signal shared by every read of one image (AbortSignal.timeout). */
export function requestSignals(deadlineIn: number | AbortSignal, cancel?: AbortSignal): RequestSignals {
  const deadline = typeof deadlineIn === 'number' ? AbortSignal.timeout(deadlineIn) : deadlineIn;
  return { deadline, cancel, signal: cancel ? anySignal([deadline, cancel]) : deadline };
}

export type FetchLike = (input: URL, init: RequestInit) => Promise<Response>;

export interface RegistryClientOptions {
  readonly credentials: CredentialsPort;
  readonly fetch?: FetchLike;
  /** Redirect hops per request (default 5). */
  readonly maxRedirects?: number;
  /** Largest manifest accepted (default 4 MiB). */
  readonly maxManifestBytes?: number;
}

/** A manifest's bytes as the registry sent them (its kind is read from the document, not the Content-Type). */
export interface ManifestBytes {
  readonly bytes: Uint8Array;
}

export interface BlobResponse {
  readonly body: ReadableStream<Uint8Array>;
  /** The byte offset the body starts at: the asked offset on 206, 0 when the registry ignored the Range. */
  readonly offset: number;
}

export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
].join(', ');

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_TOKEN_BYTES = 64 * 1024;

function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Reads a body up to `max` bytes; more is a failure (a hostile or wrong answer). */
export async function readCapped(res: Response, max: number, what: string, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw failure('error', `${what} is ${declared} bytes, more than the ${max} accepted`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of streamChunks(res.body, signal)) {
      total += chunk.byteLength;
      if (total > max) {
        throw failure('error', `${what} is more than the ${max} bytes accepted`);
      }
      chunks.push(chunk);
    }
  }
  return concatBytes(chunks);
}

async function drain(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

export class RegistryClient {
  private readonly fetch: FetchLike;
  private readonly maxRedirects: number;
  private readonly maxManifestBytes: number;
  /** Authorization header values by "origin repository". */
  private readonly authorizations = new Map<string, string>();

  constructor(private readonly options: RegistryClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.maxRedirects = options.maxRedirects ?? 5;
    this.maxManifestBytes = options.maxManifestBytes ?? 4 * 1024 * 1024;
  }

  /** GET /v2/<repo>/manifests/<tag|digest> with the four manifest types accepted. */
  async manifest(repo: Repository, reference: string, signals: RequestSignals): Promise<ManifestBytes> {
    const url = this.url(repo, `manifests/${reference}`);
    const res = await this.get(url, repo, { Accept: MANIFEST_ACCEPT }, signals);
    try {
      return { bytes: await readCapped(res, this.maxManifestBytes, `the manifest ${reference}`, signals.signal) };
    } catch (e) {
      throw thrownFailure('GET', url, e, signals);
    }
  }

  /** GET /v2/<repo>/blobs/<digest>, from `offset` on (a Range request) when offset > 0. */
  async blob(repo: Repository, digest: string, signals: RequestSignals, offset = 0): Promise<BlobResponse> {
    const url = this.url(repo, `blobs/${digest}`);
    const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
    const res = await this.get(url, repo, headers, signals);
    if (!res.body) throw failure('error', `GET ${url.origin}${url.pathname}: empty answer`);
    return { body: res.body, offset: res.status === 206 ? offset : 0 };
  }

  private url(repo: Repository, rest: string): URL {
    return new URL(`/v2/${repo.path}/${rest}`, registryOrigin(repo.domain));
  }

  /** One GET with auth and redirects; resolves only to a 2xx response, otherwise throws a RegistryFailure. */
  private async get(
    start: URL,
    repo: Repository,
    headers: Record<string, string>,
    signals: RequestSignals,
  ): Promise<Response> {
    const origin = start.origin;
    const authKey = `${origin} ${repo.path}`;
    let url = start;
    let triedAuth = false;
    for (let hop = 0; hop <= this.maxRedirects;) {
      const authorization = url.origin === origin ? this.authorizations.get(authKey) : undefined;
      let res: Response;
      try {
        res = await this.fetch(url, {
          method: 'GET',
          headers: { ...headers, ...(authorization !== undefined ? { Authorization: authorization } : {}) },
          redirect: 'manual',
          signal: signals.signal,
        });
      } catch (e) {
        throw thrownFailure('GET', url, e, signals);
      }
      if (REDIRECTS.has(res.status)) {
        const location = res.headers.get('location');
        await drain(res);
        if (location === null) throw failure('error', `GET ${url.origin}${url.pathname}: redirect without a Location`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw failure('error', `GET ${url.origin}${url.pathname}: redirect to an invalid URL`);
        }
        if (!allowedUrl(next)) {
          throw failure(
            'error',
            `GET ${url.origin}${url.pathname}: refused a redirect to ${next.protocol}//${next.host} (plain HTTP only to loopback)`,
          );
        }
        url = next;
        hop += 1;
        continue;
      }
      if (res.status === 401 && url.origin === origin && !triedAuth) {
        triedAuth = true;
        const challenge = parseAuthChallenge(res.headers.get('www-authenticate'));
        await drain(res);
        this.authorizations.set(authKey, await this.authorize(challenge, repo, url, signals));
        continue;
      }
      if (res.status >= 200 && res.status < 300) return res;
      let body = '';
      try {
        body = new TextDecoder().decode(await readCapped(res, 8192, 'the error answer'));
      } catch {
        // an unreadable error body changes nothing
      }
      throw statusFailure('GET', url, res.status, res.statusText, body);
    }
    throw failure('error', `GET ${start.origin}${start.pathname}: more than ${this.maxRedirects} redirects`);
  }

  /** The Authorization header value answering a 401's challenge. */
  private async authorize(
    challenge: AuthChallenge | undefined,
    repo: Repository,
    url: URL,
    signals: RequestSignals,
  ): Promise<string> {
    const where = `GET ${url.origin}${url.pathname}`;
    if (challenge === undefined)
      throw failure('unauthorized', `${where}: 401 unauthorized, with no challenge Arch Matrix can answer`);
    const credential = await this.options.credentials.get(repo.domain).catch(() => undefined);
    if (challenge.scheme === 'basic') {
      if (credential?.kind !== 'basic')
        throw failure(
          'unauthorized',
          `${where}: 401 unauthorized: the registry ${repo.domain} wants a user and password, and there is no stored login for it`,
        );
      return `Basic ${base64(`${credential.username}:${credential.password}`)}`;
    }
    const token = await this.token(challenge, repo, credential, signals);
    return `Bearer ${token}`;
  }

  private async token(
    challenge: Extract<AuthChallenge, { scheme: 'bearer' }>,
    repo: Repository,
    credential: RegistryCredential | undefined,
    signals: RequestSignals,
  ): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(challenge.realm);
    } catch {
      throw failure('unauthorized', `the registry ${repo.domain} named an invalid token realm`);
    }
    if (!allowedUrl(realm))
      throw failure(
        'unauthorized',
        `refused the token realm ${realm.protocol}//${realm.host} (plain HTTP only to loopback)`,
      );
    const scope = challenge.scope ?? `repository:${repo.path}:pull`;
    const where = `GET ${realm.origin}${realm.pathname}`;
    let res: Response;
    try {
      if (credential?.kind === 'identity-token') {
        // docker's OAuth form for stored identity tokens: a token request, it changes nothing in the registry.
        const form = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: credential.token,
          client_id: 'archmatrix',
          scope,
        });
        if (challenge.service !== undefined) form.set('service', challenge.service);
        res = await this.fetch(realm, {
          method: 'POST',
          body: form,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          redirect: 'error',
          signal: signals.signal,
        });
      } else {
        if (challenge.service !== undefined) realm.searchParams.set('service', challenge.service);
        realm.searchParams.set('scope', scope);
        const headers: Record<string, string> =
          credential?.kind === 'basic'
            ? { Authorization: `Basic ${base64(`${credential.username}:${credential.password}`)}` }
            : {};
        res = await this.fetch(realm, { method: 'GET', headers, redirect: 'error', signal: signals.signal });
      }
    } catch (e) {
      throw thrownFailure('GET', realm, e, signals);
    }
    if (res.status === 401 || res.status === 403) {
      await drain(res);
      const why = credential ? 'the stored login was refused' : 'no stored login';
      throw failure('unauthorized', `${where}: ${res.status} unauthorized for the registry ${repo.domain} (${why})`);
    }
    let body: Uint8Array;
    try {
      body = await readCapped(res, MAX_TOKEN_BYTES, 'the token answer', signals.signal);
    } catch (e) {
      throw thrownFailure('GET', realm, e, signals);
    }
    if (res.status < 200 || res.status >= 300)
      throw statusFailure('GET', realm, res.status, res.statusText, new TextDecoder().decode(body));
    try {
      const doc = JSON.parse(new TextDecoder().decode(body)) as { token?: unknown; access_token?: unknown };
      const token = typeof doc.token === 'string' && doc.token !== '' ? doc.token : doc.access_token;
      if (typeof token === 'string' && token !== '' && !/[\r\n]/.test(token)) return token;
    } catch {
      // falls through to the failure below
    }
    throw failure('unauthorized', `${where}: the token answer holds no token`);
  }
}

export { RegistryFailure };
