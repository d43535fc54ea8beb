/**
 * The matrix's column widths in CSS pixels, by window width (MUI's breakpoints: xs below 600 px, sm
 * below 900 px, md below 1200 px, lg from 1200 px). The table's layout is fixed: these widths never move when a row's
 * details open or its text arrives; the reason column takes what is left, at least `reasonMin`, and
 * the table scrolls sideways (name and verdict pinned) when the window is narrower than that. Pure.
 */
export type Breakpoint = 'xs' | 'sm' | 'md' | 'lg';

type Widths = Readonly<Record<Breakpoint, number>>;

export const COLUMN_WIDTHS = {
  /** The details button, the icon, the name and the image reference. */
  name: { xs: 168, sm: 190, md: 240, lg: 320 },
  /** This machine's answer and the verdict, two chips on one line (a long verdict is cut with "…"). */
  verdict: { xs: 150, sm: 180, md: 220, lg: 250 },
  platform: { xs: 84, sm: 84, md: 88, lg: 92 },
  /** "+6 platforms" / "Fewer platforms". */
  fold: { xs: 104, sm: 104, md: 108, lg: 112 },
  reasonMin: { xs: 180, sm: 110, md: 150, lg: 200 },
} as const satisfies Readonly<Record<string, Widths>>;

/** The table's least width at each breakpoint: every fixed column and the reason's least width. */
export function tableMinWidth(platforms: number, hasFold: boolean): Record<Breakpoint, number> {
  const width = (at: Breakpoint): number =>
    COLUMN_WIDTHS.name[at] +
    COLUMN_WIDTHS.verdict[at] +
    COLUMN_WIDTHS.reasonMin[at] +
    platforms * COLUMN_WIDTHS.platform[at] +
    (hasFold ? COLUMN_WIDTHS.fold[at] : 0);
  return { xs: width('xs'), sm: width('sm'), md: width('md'), lg: width('lg') };
}
