/** The toolbar's two filter drop-downs: what each offers, in which words and order. Pure. */
import { VERDICTS, verdictLabel } from '@core/index.js';
import type { PlatformKey } from '@core/index.js';
import type { PlatformFilter, VerdictFilter } from './view';

/** A value to pick, or a heading over the values below it. */
export type FilterEntry<V extends string> =
  | { readonly kind: 'option'; readonly value: V; readonly label: string }
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
  minWidth: 190,
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
    minWidth: 210,
    entries: [
      option('any', 'Any platform'),
      { kind: 'heading', label: 'Published for' },
      ...columns.map((key) => option(`has:${key}` as const, key)),
      { kind: 'heading', label: 'Not published for' },
      ...columns.map((key) => option(`lacks:${key}` as const, `lacks ${key}`)),
    ],
  };
}
