/**
 * Answering a registry's 401: Basic with the stored user and password, or Bearer with a token from the
 * challenge's realm (anonymous, or with the stored login). A realm is asked only where endpoint.ts's
 * followAllowed says: https, or the loopback registry's own host and port.
 */
import type { Repository } from '../core/types.js';
import type { AuthChallenge } from './authChallenge.js';
import type { CredentialsPort, RegistryCredential } from './credentials.js';
import { FOLLOW_RULE, followAllowed } from './endpoint.js';
import { failure, statusFailure, thrownFailure } from './httpFailure.js';
import type { FetchLike, RequestSignals } from './request.js';
import { drain, readCapped } from './responseBody.js';

const MAX_TOKEN_BYTES = 64 * 1024;

/** What answering a challenge needs of the client: its fetch and the stored logins. */
export interface AuthContext {
  readonly fetch: FetchLike;
  readonly credentials: CredentialsPort;
}

/** A text's UTF-8 bytes in base64 (btoa alone takes Latin-1 only), for the Basic scheme. */
function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The Authorization header value answering a 401's challenge. */
export async function answerChallenge(
  challenge: AuthChallenge | undefined,
  repo: Repository,
  url: URL,
  signals: RequestSignals,
  ctx: AuthContext,
): Promise<string> {
  const where = `GET ${url.origin}${url.pathname}`;
  if (challenge === undefined)
    throw failure('unauthorized', `${where}: 401 unauthorized, with no challenge Arch Matrix can answer`);
  const credential = await ctx.credentials.get(repo.domain).catch(() => undefined);
  if (challenge.scheme === 'basic') {
    if (credential?.kind !== 'basic')
      throw failure(
        'unauthorized',
        `${where}: 401 unauthorized: the registry ${repo.domain} wants a user and password, and there is no stored login for it`,
      );
    return `Basic ${base64(`${credential.username}:${credential.password}`)}`;
  }
  const token = await bearerToken(challenge, repo, url, credential, signals, ctx.fetch);
  return `Bearer ${token}`;
}

/** A bearer token from the challenge's realm: anonymous, with the stored user and password, or with an identity token. */
async function bearerToken(
  challenge: Extract<AuthChallenge, { scheme: 'bearer' }>,
  repo: Repository,
  registry: URL,
  credential: RegistryCredential | undefined,
  signals: RequestSignals,
  fetchLike: FetchLike,
): Promise<string> {
  let realm: URL;
  try {
    realm = new URL(challenge.realm);
  } catch {
    throw failure('unauthorized', `the registry ${repo.domain} named an invalid token realm`);
  }
  if (!followAllowed(registry, realm))
    throw failure('unauthorized', `refused the token realm ${realm.protocol}//${realm.host} (${FOLLOW_RULE})`);
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
      res = await fetchLike(realm, {
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
      res = await fetchLike(realm, { method: 'GET', headers, redirect: 'error', signal: signals.signal });
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
  if (res.status < 200 || res.status >= 300) {
    // Only the registry's own words reach results: a realm elsewhere says its status.
    const own = realm.origin === registry.origin;
    const text = own ? new TextDecoder().decode(body) : '';
    throw statusFailure('GET', realm, res.status, own ? res.statusText : '', text);
  }
  try {
    const doc = JSON.parse(new TextDecoder().decode(body)) as { token?: unknown; access_token?: unknown };
    const token = typeof doc.token === 'string' && doc.token !== '' ? doc.token : doc.access_token;
    if (typeof token === 'string' && token !== '' && !/[\r\n]/.test(token)) return token;
  } catch {
    // falls through to the failure below
  }
  throw failure('unauthorized', `${where}: the token answer holds no token`);
}
