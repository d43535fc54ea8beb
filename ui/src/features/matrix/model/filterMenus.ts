/** The toolbar's two filter drop-downs: what each offers, in which words and order. Pure. */
import { VERDICTS, verdictLabel } from '@core/index.js';
import type { PlatformKey } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';
import { keepRow } from './view';
import type { PlatformFilter, VerdictFilter, ViewOptions } from './view';

/**
 * A value to pick, or a heading over the values below it. Counted (withCounts), an option says how
 * many rows it would show, and one that would show none is greyed out.
 */
export type FilterEntry<V extends string> =
  | {
      readonly kind: 'option';
      readonly value: V;
      readonly label: string;
      readonly count?: number;
      readonly disabled?: boolean;
    }
  | { readonly kind: 'heading'; readonly label: string };

export interface FilterMenu<V extends string> {
  /** Also the test id of the input and the stem of the label's id. */
  readonly id: string;
  readonly label: string;
  readonly minWidth: number;
  readonly entries: readonly FilterEntry<V>[];
}

const option = <V extends string>(value: V, label: string): FilterEntry<V> => ({ kind: 'option', value, label });

export const VERDICT_MENU: FilterMenu<VerdictFilter> = {
  id: 'verdict-filter',
  label: 'Verdict',
  minWidth: 150,
  entries: [
    option('all', 'All verdicts'),
    option('attention', 'Needs attention'),
    ...VERDICTS.map((verdict) => option(verdict, verdictLabel(verdict))),
  ],
};

/** Any platform, then each column as "published for" and as "not published for". */
export function platformMenu(columns: readonly PlatformKey[]): FilterMenu<PlatformFilter> {
  return {
    id: 'platform-filter',
    label: 'Platform',
    minWidth: 160,
    entries: [
      option('any', 'Any platform'),
      { kind: 'heading', label: 'Published for' },
      ...columns.map((key) => option(`has:${key}` as const, key)),
      { kind: 'heading', label: 'Not published for' },
      ...columns.map((key) => option(`lacks:${key}` as const, `lacks ${key}`)),
    ],
  };
}

/**
 * The menu with each option's count: the rows it would show with the other filter as it is. An
 * option that would show none is disabled, unless it is the one in force (it can always be seen).
 */
export function withCounts<V extends string>(
  menu: FilterMenu<V>,
  count: (value: V) => number,
  current: V,
): FilterMenu<V> {
  return {
    ...menu,
    entries: menu.entries.map((entry) => {
      if (entry.kind === 'heading') return entry;
      const rows = count(entry.value);
      return { ...entry, count: rows, disabled: rows === 0 && entry.value !== current };
    }),
  };
}

/** How many rows each verdict filter keeps, with the platform filter in force. */
export const verdictCount =
  (rows: readonly MatrixRow[], view: Pick<ViewOptions, 'platform'>) =>
  (verdict: VerdictFilter): number =>
    rows.filter((row) => keepRow(row, { verdict, platform: view.platform })).length;

/** How many rows each platform filter keeps, with the verdict filter in force. */
export const platformCount =
  (rows: readonly MatrixRow[], view: Pick<ViewOptions, 'verdict'>) =>
  (platform: PlatformFilter): number =>
    rows.filter((row) => keepRow(row, { verdict: view.verdict, platform })).length;
