/** Styles the matrix's rows share: one line of text, the reason cell, the details fitting the window. */

/** One line, cut with "…" (the element carries the whole text in its title). */
export const ONE_LINE = {
  display: 'block',
  minWidth: 0,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

/**
 * The reason cell: the explanation and the deep check's line, each on one line (its progress bar and
 * Stop / Retry on the same line), so a row keeps its height whatever the checks say.
 */
export const REASON_CELL = {
  '& [data-testid="deep-line"]': { display: 'flex', alignItems: 'center', gap: 1, mt: 0, minWidth: 0 },
  '& [data-testid="deep-line"] > .MuiTypography-root': { ...ONE_LINE, flex: '0 1 auto' },
  '& [data-testid="deep-line"] > .MuiLinearProgress-root': { flex: '0 0 40px', mt: 0 },
  '& [data-testid="deep-line"] > .MuiButton-root': { flex: 'none', mt: 0, lineHeight: 1.3 },
} as const;

/**
 * A row's details: as wide as the table's part on screen (set by the table as --matrix-view-width),
 * pinned to its left edge while the table scrolls sideways, so their text wraps to the window. Long
 * words break anywhere; tables inside fit the width; code scrolls in its own box.
 */
export const DETAILS_FIT = {
  position: 'sticky',
  left: 0,
  boxSizing: 'border-box',
  width: 'var(--matrix-view-width, 100%)',
  maxWidth: '100%',
  px: 1,
  overflowWrap: 'anywhere',
  '& table': { width: '100%' },
  '& td, & th': { overflowWrap: 'anywhere' },
  '& pre': { maxWidth: '100%', overflowX: 'auto' },
} as const;
