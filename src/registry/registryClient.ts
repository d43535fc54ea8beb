/**
 * A read-only registry HTTP client: GET manifests and blobs, nothing else.
 * 401 -> WWW-Authenticate: Bearer (token from the realm, anonymous or with the stored login) or Basic,
 * then one retry (registryAuth.ts answers the challenge). Redirects are followed by hand, at most `maxRedirects` hops; a hop to another host
 * never carries the registry's Authorization, and goes only where endpoint.ts's followAllowed says (https, or the
 * loopback registry's own host and port). Every URL is checked before its fetch: plain HTTP only to loopback
 * hosts, never a link-local address, written in the URL or answered by DNS for its host name (linkLocalGuard.ts:
 * the default network, guardedFetch.ts, checks the address each connection actually goes to).
 * Error bodies are read only from the registry's own origin.
 */
import { MEDIA_TYPES } from '../core/mediaTypes.js';
import type { Repository } from '../core/types.js';
import { parseAuthChallenge } from './authChallenge.js';
import type { CredentialsPort } from './credentials.js';
import { allowedUrl, FOLLOW_RULE, followAllowed, registryOrigin } from './endpoint.js';
import { failure, RegistryFailure, statusFailure, thrownFailure } from './httpFailure.js';
import { defaultNetwork, guardedFetch } from './guardedFetch.js';
import { refuseLinkLocal, type HostLookup } from './linkLocalGuard.js';
import { answerChallenge } from './registryAuth.js';
import type { FetchLike, RequestSignals } from './request.js';
import { drain, readCapped } from './responseBody.js';

export interface RegistryClientOptions {
  readonly credentials: CredentialsPort;
  /** Default: the guarded network (guardedFetch.ts), its connections resolving host names with `lookup`. */
  readonly fetch?: FetchLike;
  /**
   * How host names are resolved; a link-local answer refuses the request. For the default network it is the
   * resolver its connections use (default: the system's), checked at connect time. An injected fetch brings its
   * own network: with a lookup given, each request's host name is resolved and checked before it is sent.
   */
  readonly lookup?: HostLookup;
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

export class RegistryClient {
  private readonly fetch: FetchLike;
  private readonly maxRedirects: number;
  private readonly maxManifestBytes: number;
  /** Authorization header values by "origin repository". */
  private readonly authorizations = new Map<string, string>();

  constructor(private readonly options: RegistryClientOptions) {
    const { fetch: injected, lookup } = options;
    if (injected === undefined) this.fetch = lookup === undefined ? defaultNetwork() : guardedFetch(lookup);
    else this.fetch = lookup === undefined ? injected : refuseLinkLocal(injected, lookup);
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
      if (!allowedUrl(url))
        throw failure(
          'error',
          `GET ${url.origin}${url.pathname}: refused (https only, plain HTTP only to this machine, never a link-local address)`,
        );
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
        if (!followAllowed(start, next)) {
          throw failure(
            'error',
            `GET ${url.origin}${url.pathname}: refused a redirect to ${next.protocol}//${next.host} (${FOLLOW_RULE})`,
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
        this.authorizations.set(
          authKey,
          await answerChallenge(challenge, repo, url, signals, {
            fetch: this.fetch,
            credentials: this.options.credentials,
          }),
        );
        continue;
      }
      if (res.status >= 200 && res.status < 300) return res;
      // Only the registry's own words reach results: another host's answer (a redirect target) says its status.
      const own = url.origin === origin;
      let body = '';
      if (own) {
        try {
          body = new TextDecoder().decode(await readCapped(res, 8192, 'the error answer'));
        } catch {
          // an unreadable error body changes nothing
        }
      } else await drain(res);
      throw statusFailure('GET', url, res.status, own ? res.statusText : '', body);
    }
    throw failure('error', `GET ${start.origin}${start.pathname}: more than ${this.maxRedirects} redirects`);
  }
}

export { RegistryFailure };
