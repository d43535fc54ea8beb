/**
 * One row of the tab: an image reference and, once inspected, its platform result. The matrix
 * feature makes and shows rows; the deep check reads them. Both import the row from here, so the
 * deep check never needs the matrix feature.
 */
import type { InspectResult, LocalImage } from '@core/index.js';

/** pending: never inspected yet; refreshing: a remembered result is shown while a new one runs; done. */
export type RowStatus = 'pending' | 'refreshing' | 'done';

/** Where a row comes from: the engine's extension images, or a reference the user typed. */
export type RowOrigin = 'installed' | 'typed';

/** What a row is before it is inspected. */
export interface RowSeed {
  /** As listed by the engine (or as typed): untrusted text, shown as text only. */
  readonly reference: string;
  readonly origin: RowOrigin;
  /** This extension's own image (ddClient.extension.image). */
  readonly isSelf: boolean;
  /** The engine's image (labels, local platform) when the row comes from the local store. */
  readonly local?: LocalImage;
}

export interface MatrixRow extends RowSeed {
  readonly status: RowStatus;
  readonly result?: InspectResult;
}

/** A row's key (the table's React key, the deep check's state map): its origin and reference. */
export const rowKey = (row: Pick<MatrixRow, 'origin' | 'reference'>): string => `${row.origin}:${row.reference}`;
