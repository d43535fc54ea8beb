import type { PaletteOptions, ThemeOptions } from '@mui/material/styles';

/**
 * Docker Desktop injects its MUI theme options as `window.__ddMuiV6Themes` before the page runs;
 * `DockerMuiV6ThemeProvider` reads them and crashes when they are missing. Outside Docker Desktop
 * (browser mode, tests) we provide options close to Docker's look (Docker blue, Roboto-like type),
 * light and dark. Components use only the standard palette, so both sets of options work.
 */
interface ThemeBag {
  readonly light: ThemeOptions;
  readonly dark: ThemeOptions;
}

const dockerPalette = {
  blue: {
    100: '#e5f2fc',
    200: '#c0e0fa',
    300: '#8bc7f5',
    400: '#52a9ed',
    500: '#2e7ff7',
    600: '#1d63ed',
    700: '#0d4cd3',
    800: '#0c3ba7',
  },
  green: {
    100: '#e7f8ec',
    200: '#c4eccf',
    300: '#8fd9a7',
    400: '#4fc77a',
    500: '#28a852',
    600: '#1a8a42',
    700: '#136c35',
    800: '#0f5229',
  },
  amber: {
    100: '#fff5db',
    200: '#ffe7a8',
    300: '#ffd466',
    400: '#ffbf1f',
    500: '#f0a500',
    600: '#c98900',
    700: '#996800',
    /** Between 700 and 800: text at 4.5:1 even on a hovered or highlighted row (700 is 4.45:1 on hover). */
    750: '#8a5d00',
    800: '#6b4a00',
  },
  red: {
    100: '#fdeaea',
    200: '#f9c9c9',
    300: '#f39999',
    400: '#ea6464',
    500: '#dc3636',
    600: '#b72424',
    700: '#8c1b1b',
    800: '#631313',
  },
  violet: {
    100: '#f1ecfd',
    200: '#ddd0fa',
    300: '#bea5f5',
    400: '#9b75ee',
    500: '#7d4ee6',
    600: '#6336c9',
    700: '#4b289a',
    800: '#351c6d',
  },
  grey: {
    100: '#f4f4f6',
    200: '#e1e2e6',
    300: '#c4c8d1',
    400: '#8993a5',
    500: '#677285',
    600: '#505968',
    700: '#3d4653',
    800: '#2e343e',
  },
} as const;

const shared: ThemeOptions = {
  shape: { borderRadius: 4 },
  typography: {
    fontFamily: '"Roboto", "Helvetica Neue", "Segoe UI", "Noto Sans", Arial, sans-serif',
    fontSize: 14,
    h1: { fontSize: '1.5rem', fontWeight: 500 },
    h2: { fontSize: '1.125rem', fontWeight: 500 },
    button: { textTransform: 'none', fontWeight: 500 },
  },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: true } },
    MuiTableCell: { styleOverrides: { root: { paddingTop: 6, paddingBottom: 6 } } },
  },
};

/**
 * One fallback theme: the shared look and one mode's palette. Text on a coloured chip must reach
 * 4.5:1 (WCAG AA): with contrastThreshold 4.5 MUI picks black over white where white falls short
 * (white on the dark theme's red is 3.2:1; black is 6.5:1).
 */
const fallbackTheme = (palette: PaletteOptions): ThemeOptions => ({
  ...shared,
  palette: { contrastThreshold: 4.5, ...palette },
});

export const FALLBACK_THEMES: ThemeBag = {
  // Light: green 600 under white text is 4.4:1, 700 is 6.5:1 (and as text on white); amber 600 as
  // text on white is 3:1 (the deep check's lines use warning.main as text), 700 is 4.8:1 on white but
  // 4.45:1 on a hovered row (#f5f5f5), 750 is 5.3:1 there and 5.8:1 under white text.
  light: fallbackTheme({
    mode: 'light',
    primary: { main: dockerPalette.blue[600] },
    success: { main: dockerPalette.green[700] },
    warning: { main: dockerPalette.amber[750], dark: dockerPalette.amber[800] },
    error: { main: dockerPalette.red[600] },
    info: { main: dockerPalette.violet[600] },
    background: { default: '#ffffff', paper: '#ffffff' },
    text: { primary: '#17191e', secondary: '#505968' },
  }),
  // Dark: blue 400 is 4.48:1 on a hovered/this-machine cell (#383a3e); 300 keeps text and links above 4.5:1.
  // Red 400 as text (the deep check's line, a refused reference) is 3.6:1 on a hovered row; 300 is 5.5:1
  // there, and a chip of it takes black text (9.8:1).
  dark: fallbackTheme({
    mode: 'dark',
    primary: { main: dockerPalette.blue[300] },
    success: { main: dockerPalette.green[400] },
    warning: { main: dockerPalette.amber[400] },
    error: { main: dockerPalette.red[300] },
    info: { main: dockerPalette.violet[300] },
    background: { default: '#202124', paper: '#27292d' },
    text: { primary: '#e1e2e6', secondary: '#a3abba' },
  }),
};

interface ThemeHost {
  __ddMuiV6Themes?: Partial<ThemeBag>;
}

/** Keep Docker Desktop's themes when present; otherwise install ours. */
export function ensureDockerThemes(host: ThemeHost): void {
  const bag = host.__ddMuiV6Themes;
  if (bag?.light && bag.dark) return;
  host.__ddMuiV6Themes = FALLBACK_THEMES;
}
