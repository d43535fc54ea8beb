import { defineConfig } from '@playwright/test';

/**
 * Playwright in Debian's chromium (`apt-get install chromium`), not a downloaded browser.
 * - project "standin": the built UI served by `vite preview` on 127.0.0.1, with a typed ddClient
 *   stand-in injected by each test (test/e2e/standin*.spec.ts) replaying recorded outputs.
 * - project "browser-mode": specs that start the browser-mode server themselves (test/e2e/browser-mode*.spec.ts).
 * - project "screenshots" (ARCHMATRIX_SCREENSHOTS=1 only): the README's screenshots, from browser mode.
 */
const PORT = Number(process.env['ARCHMATRIX_PREVIEW_PORT'] ?? '4179');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  forbidOnly: process.env['CI'] !== undefined,
  retries: 0,
  reporter: process.env['CI'] === undefined ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'standin', testMatch: /standin.*\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    // Runs beside "standin": that one serves its own build (dist/ui-standin), so `npm start` rebuilding dist/ui is harmless.
    { name: 'browser-mode', testMatch: /browser-mode.*\.spec\.ts$/, testIgnore: /\/deep-browser-mode/ },
    // After browser-mode: both run `npm start`, which rebuilds dist/ui.
    { name: 'deep', testMatch: /\/deep-[^/]*\.spec\.ts$/, dependencies: ['browser-mode'] },
    // Writes docs/screenshots/*.png: only when asked for (see test/e2e/screenshots.capture.ts).
    ...(process.env['ARCHMATRIX_SCREENSHOTS'] === '1'
      ? [{ name: 'screenshots', testMatch: /screenshots\.capture\.ts$/ }]
      : []),
  ],
  webServer: {
    // Its own build in dist/ui-standin: `npm start` (browser-mode specs) rebuilds dist/ui while tests run.
    command: `npx vite build --logLevel=warn --outDir=../dist/ui-standin && npx vite preview --outDir=../dist/ui-standin --host=127.0.0.1 --port=${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: process.env['CI'] === undefined,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
