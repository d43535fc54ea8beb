import { extensionInfo } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

/** What the row's reader can do themselves, with the publisher's page to tell them when there is one. */
export interface UserFix {
  readonly text: string;
  /** The publisher's page from the extension's labels (safe http(s) only). */
  readonly publisherUrl?: string;
}

/** The fixes a row shows: the user's own, and the publisher's (the build command, marked as the publisher's). */
export interface RowFixes {
  readonly user?: UserFix;
  /** The exact build-and-push command: only the image's publisher can run it. */
  readonly publisher?: string;
}

/**
 * An installed extension is someone else's image: its user gets what they can do (update, tell the
 * publisher, log in) and the build command is marked as the publisher's. A typed reference is usually
 * the author's own image: the build command is the fix, and the user's words only when no build helps.
 */
export function rowFixes(row: MatrixRow): RowFixes {
  const result = row.result;
  if (result === undefined) return {};
  // Results remembered by an older version carry only `fix`.
  const publisher = result.publisherFix;
  const userText = result.userFix ?? (publisher === undefined ? result.fix : undefined);
  const publisherUrl = extensionInfo(row.local?.labels).publisher;
  const user =
    userText === undefined
      ? undefined
      : { text: userText, publisherUrl: publisher === undefined ? undefined : publisherUrl };
  if (row.origin === 'typed') return { user: publisher === undefined ? user : undefined, publisher };
  return { user, publisher };
}
