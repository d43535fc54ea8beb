import type { SxProps, Theme } from '@mui/material/styles';
import { COLUMN_WIDTHS } from '../model/tableColumns';

/** A row's colour (hover, highlight) painted over the pinned cell's opaque background, as the row paints it under the others. */
const over = (color: string): string => `linear-gradient(${color}, ${color})`;

/**
 * The pinned columns (the extension's name, then its verdict) stay in view when the table scrolls
 * sideways: opaque, above the scrolled cells, and in the row's hover and highlight colours like the
 * rest of the row. The verdict column sits right after the name column, whose width depends on the window.
 */
export function pinnedCell(column: 'name' | 'verdict', header = false): SxProps<Theme> {
  return (theme) => ({
    position: 'sticky',
    left: column === 'name' ? 0 : COLUMN_WIDTHS.name,
    zIndex: header ? 3 : 1,
    bgcolor: 'background.paper',
    'tr.MuiTableRow-hover:hover > &, tr[data-highlighted="true"] > &': {
      backgroundImage: over(theme.palette.action.hover),
    },
    // The last pinned column casts a shadow over the cells scrolled under it.
    ...(column === 'verdict'
      ? {
          '[data-scrolled="true"] &': {
            boxShadow: `6px 0 6px -4px ${theme.palette.mode === 'dark' ? 'rgba(0, 0, 0, 0.8)' : 'rgba(0, 0, 0, 0.3)'}`,
          },
        }
      : {}),
  });
}
