/**
 * The words of a row whose inside could not be checked (the verdict `not-checked-inside`): the deep check's own
 * explanation (why the read stopped: a bomb, a link, a size or depth limit, a digest, the deadline ...), what its
 * user can do (run it again, then tell the publisher) and what its publisher can do (a build whose files can be
 * read). Pure.
 */
import type { VerdictDetail } from '../types.js';
import { MAX_COMPOSE_BYTES, MAX_COMPOSE_DEPTH } from './compose.js';
import { MAX_METADATA_BYTES, MAX_METADATA_DEPTH } from './metadata.js';
import { NOT_CHECKED_INSIDE } from './deepOutcome.js';

const mib = (bytes: number): string => `${bytes / 1024 / 1024} MiB`;
/** The limits both files must keep (the check reads neither past its own). */
const SIZE = mib(Math.min(MAX_METADATA_BYTES, MAX_COMPOSE_BYTES));
const DEPTH = Math.min(MAX_METADATA_DEPTH, MAX_COMPOSE_DEPTH);

/** When the deep check names nothing to run: the read may have been stopped by something that passes. */
export const NOT_CHECKED_RETRY =
  'Run the deep check again: a slow registry, the network or the deadline may have stopped it.';

/** The publisher's part: files the check (and any careful reader) can read to their end. */
export const NOT_CHECKED_PUBLISHER_FIX =
  `Rebuild and push the image so that each variant's /metadata.json, and the compose file it names, is a regular ` +
  `file (not a link) of at most ${SIZE}, nested at most ${DEPTH} levels deep and without YAML alias chains, in ` +
  `layers that match their digests and sizes (gzip, or zstd without --long).`;

/** A sentence ends with its full stop. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The row's verdict, explanation and fixes when the inside of some variant could not be checked. */
export function notCheckedInsideDetail(explanation: string, deepFix: string | undefined): VerdictDetail {
  const first = deepFix !== undefined && deepFix.trim() !== '' ? sentence(deepFix) : NOT_CHECKED_RETRY;
  return {
    verdict: NOT_CHECKED_INSIDE,
    explanation,
    fix: `${first} If the inside still cannot be read, the image itself is at fault. ${NOT_CHECKED_PUBLISHER_FIX}`,
    userFix:
      `${first} If the inside still cannot be read, check for an update of this extension, or tell its publisher ` +
      `what the check says (the fix is the publisher's: a build whose files can be read).`,
    publisherFix: NOT_CHECKED_PUBLISHER_FIX,
  };
}
