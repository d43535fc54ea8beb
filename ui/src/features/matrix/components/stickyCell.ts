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
  return (theme) => {
    const line = theme.palette.primary.main;
    const shadow = `6px 0 6px -4px ${theme.palette.mode === 'dark' ? 'rgba(0, 0, 0, 0.8)' : 'rgba(0, 0, 0, 0.3)'}`;
    // A highlighted row's outline is drawn by the row, under the pinned cells: they draw their part of it.
    const outline = [
      `inset 0 2px 0 ${line}`,
      `inset 0 -2px 0 ${line}`,
      ...(column === 'name' ? [`inset 2px 0 0 ${line}`] : []),
    ];
    return {
      position: 'sticky',
      left: column === 'name' ? 0 : COLUMN_WIDTHS.name,
      zIndex: header ? 3 : 1,
      bgcolor: 'background.paper',
      'tr.MuiTableRow-hover:hover > &, tr[data-highlighted="true"] > &': {
        backgroundImage: over(theme.palette.action.hover),
      },
      'tr[data-highlighted="true"] > &': { boxShadow: outline.join(', ') },
      // The last pinned column casts a shadow over the cells scrolled under it.
      ...(column === 'verdict'
        ? {
            '[data-scrolled="true"] &': { boxShadow: shadow },
            '[data-scrolled="true"] tr[data-highlighted="true"] > &': { boxShadow: [...outline, shadow].join(', ') },
          }
        : {}),
    };
  };
}
