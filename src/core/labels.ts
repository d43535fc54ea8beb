/**
 * Extension image labels: the audit `docker extension validate` would do (present, non-empty, JSON labels
 * parseable and well-shaped, api.version a semver range, URLs http(s)), and the safe subset the UI may show.
 */
import semver from 'semver';
import { hasControlChar, isRecord } from './json.js';
import type { LabelFinding } from './types.js';

export const LABELS = {
  title: 'org.opencontainers.image.title',
  description: 'org.opencontainers.image.description',
  vendor: 'org.opencontainers.image.vendor',
  apiVersion: 'com.docker.desktop.extension.api.version',
  icon: 'com.docker.desktop.extension.icon',
  screenshots: 'com.docker.extension.screenshots',
  detailedDescription: 'com.docker.extension.detailed-description',
  publisherUrl: 'com.docker.extension.publisher-url',
  changelog: 'com.docker.extension.changelog',
  categories: 'com.docker.extension.categories',
  additionalUrls: 'com.docker.extension.additional-urls',
  accountInfo: 'com.docker.extension.account-info',
} as const;

/** What `docker extension validate` requires (categories included: the validator reports it as required). */
export const REQUIRED_LABELS: readonly string[] = [
  LABELS.title,
  LABELS.description,
  LABELS.vendor,
  LABELS.apiVersion,
  LABELS.icon,
  LABELS.screenshots,
  LABELS.detailedDescription,
  LABELS.publisherUrl,
  LABELS.changelog,
  LABELS.categories,
];

export const OPTIONAL_LABELS: readonly string[] = [LABELS.additionalUrls, LABELS.accountInfo];

/** True for an absolute http(s) URL with a host and no whitespace or control characters. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048 || /\s/.test(value) || hasControlChar(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The URL to open in a browser, normalised (`http://example.com` -> `http://example.com/`), when it is an
 * http(s) URL as isHttpUrl says and carries no user name or password; else undefined.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (!isHttpUrl(value)) return undefined;
  const url = new URL(value);
  return url.username === '' && url.password === '' ? url.href : undefined;
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

/** An icon the UI may load: http(s), or a base64 data:image URL. */
export function isSafeIcon(value: unknown): value is string {
  return isHttpUrl(value) || (typeof value === 'string' && value.length <= 1_000_000 && DATA_IMAGE.test(value));
}

function parseJsonArray(value: string): unknown[] | string {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as unknown[]) : 'not a JSON array';
  } catch (e) {
    return `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** A JSON array of objects with a non-empty string `textKey` and an http(s) `url`. */
function checkUrlArray(value: string, textKey: string): string | undefined {
  const items = parseJsonArray(value);
  if (typeof items === 'string') return items;
  if (items.length === 0) return 'an empty list';
  for (const [i, item] of items.entries()) {
    if (!isRecord(item)) return `item ${i + 1} is not an object`;
    const text = item[textKey];
    if (typeof text !== 'string' || text.trim() === '') return `item ${i + 1} has no "${textKey}"`;
    if (!isHttpUrl(item.url)) return `item ${i + 1} has no http(s) "url"`;
  }
  return undefined;
}

/** The problem with a present, non-empty label value, or undefined when it is fine. */
function checkValue(label: string, value: string): string | undefined {
  switch (label) {
    case LABELS.apiVersion:
      return semver.validRange(value) === null ? 'not a semver range (e.g. ">= 0.3.4")' : undefined;
    case LABELS.icon:
      return isSafeIcon(value) ? undefined : 'not an http(s) or data:image URL';
    case LABELS.publisherUrl:
      return isHttpUrl(value) ? undefined : 'not an http(s) URL';
    case LABELS.screenshots:
      return checkUrlArray(value, 'alt');
    case LABELS.additionalUrls:
      return checkUrlArray(value, 'title');
    case LABELS.categories:
      return value.split(',').some((c) => c.trim() === '') ? 'has an empty category' : undefined;
    default:
      return undefined;
  }
}

function audit(label: string, value: string | undefined): LabelFinding {
  if (value === undefined) return { label, status: 'missing' };
  if (value.trim() === '') return { label, status: 'empty' };
  const problem = checkValue(label, value);
  return problem === undefined ? { label, status: 'ok' } : { label, status: 'invalid', detail: problem };
}

function own(labels: Record<string, string> | undefined, key: string): string | undefined {
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) return undefined;
  const value: unknown = labels[key];
  return typeof value === 'string' ? value : undefined;
}

/** One finding per required label, plus the optional ones that are present. */
export function auditLabels(labels: Record<string, string> | undefined): LabelFinding[] {
  const findings = REQUIRED_LABELS.map((label) => audit(label, own(labels, label)));
  for (const label of OPTIONAL_LABELS) {
    const value = own(labels, label);
    if (value !== undefined) findings.push(audit(label, value));
  }
  return findings;
}

export interface ExtensionLink {
  readonly title: string;
  readonly url: string;
}

export interface ExtensionInfo {
  readonly title?: string;
  readonly vendor?: string;
  readonly description?: string;
  /** http(s) or data:image only. */
  readonly icon?: string;
  /** http(s) only. */
  readonly links: ExtensionLink[];
  /** The publisher's page (com.docker.extension.publisher-url) when it is safe to open (safeHttpUrl). */
  readonly publisher?: string;
}

function text(labels: Record<string, string> | undefined, key: string, max = 500): string | undefined {
  const value = own(labels, key)?.trim();
  if (!value) return undefined;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What the UI may show about an extension: plain text, and only URLs that are safe to open. */
export function extensionInfo(labels: Record<string, string> | undefined): ExtensionInfo {
  const links: ExtensionLink[] = [];
  const publisher = own(labels, LABELS.publisherUrl)?.trim();
  if (isHttpUrl(publisher)) links.push({ title: 'Publisher', url: publisher });
  const extra = own(labels, LABELS.additionalUrls);
  const items = extra === undefined ? [] : parseJsonArray(extra);
  if (Array.isArray(items)) {
    for (const item of items.slice(0, 20)) {
      if (isRecord(item) && typeof item.title === 'string' && item.title.trim() !== '' && isHttpUrl(item.url)) {
        links.push({ title: item.title.trim().slice(0, 100), url: item.url });
      }
    }
  }
  const icon = own(labels, LABELS.icon)?.trim();
  const title = text(labels, LABELS.title, 200);
  const vendor = text(labels, LABELS.vendor, 200);
  const description = text(labels, LABELS.description);
  return {
    title,
    vendor,
    description,
    icon: isSafeIcon(icon) ? icon : undefined,
    links,
    publisher: safeHttpUrl(publisher),
  };
}
