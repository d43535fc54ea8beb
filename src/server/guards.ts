/**
 * Who may talk to the browser-mode server: only pages it served itself, on the loopback
 * address it listens on, that know the per-start key. Pure functions over header values.
 */
import { timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import { reject, type Rejection } from './rejection.js';

type HeaderValue = string | readonly string[] | undefined;

/** The Host values a browser sends for this server: a DNS-rebinding page sends its own name instead. */
export const allowedHosts = (port: number): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

const single = (value: HeaderValue): string | undefined => (typeof value === 'string' ? value : undefined);

export function checkHost(host: HeaderValue, port: number): Result<true, Rejection> {
  const value = single(host)?.toLowerCase();
  if (value !== undefined && allowedHosts(port).includes(value)) return ok(true);
  return err(
    reject(
      403,
      'forbidden-host',
      `Host header ${JSON.stringify(single(host) ?? '')} is not this server (${allowedHosts(port).join(' or ')}).`,
    ),
  );
}

/**
 * A browser sends Origin on every POST; a page from elsewhere sends its own. No Origin at all
 * (curl, scripts) is allowed: they still need the key.
 */
export function checkOrigin(origin: HeaderValue, port: number): Result<true, Rejection> {
  if (origin === undefined) return ok(true);
  const value = single(origin)?.toLowerCase();
  if (value !== undefined && allowedHosts(port).some((host) => value === `http://${host}`)) return ok(true);
  return err(
    reject(403, 'forbidden-origin', `Origin ${JSON.stringify(single(origin) ?? '')} may not use this server.`),
  );
}

/** Sec-Fetch-Site, when the browser sends it, must say the request came from this origin. */
export function checkFetchSite(site: HeaderValue): Result<true, Rejection> {
  const value = single(site);
  if (value === undefined || value === 'same-origin' || value === 'none') return ok(true);
  return err(reject(403, 'forbidden-origin', `A ${value} request may not use this server.`));
}

export function checkKey(given: HeaderValue, key: string): Result<true, Rejection> {
  const value = single(given);
  if (value !== undefined) {
    const a = Buffer.from(value, 'utf8');
    const b = Buffer.from(key, 'utf8');
    if (a.length === b.length && timingSafeEqual(a, b)) return ok(true);
  }
  return err(
    reject(
      401,
      'unauthorized',
      'Missing or wrong key: open the URL that `npm start` printed (the key changes on every start).',
    ),
  );
}
