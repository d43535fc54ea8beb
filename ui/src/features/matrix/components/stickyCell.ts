/** The extension-name column stays in view when the table scrolls sideways (opaque, above the scrolled cells). */
export const STICKY_NAME_CELL = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  bgcolor: 'background.paper',
} as const;
