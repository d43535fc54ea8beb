import { defineConfig } from '@playwright/test';

/**
 * Playwright in Debian's chromium (`apt-get install chromium`), not a downloaded browser.
 * - project "standin": the built UI served by `vite preview` on 127.0.0.1, with a typed ddClient
 *   stand-in injected by each test (test/e2e/standin*.spec.ts) replaying recorded outputs.
 * - project "browser-mode": specs that start the browser-mode server themselves (test/e2e/browser-mode*.spec.ts).
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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'standin', testMatch: /standin.*\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    // After "standin": `npm start` rebuilds dist/ui, which vite preview serves to the standin specs.
    { name: 'browser-mode', testMatch: /browser-mode.*\.spec\.ts$/, dependencies: ['standin'] },
  ],
  webServer: {
    // Serves dist/ui as built (`npm run build:ui` first; `npm test` builds before it runs Playwright).
    command: `npx vite preview --host=127.0.0.1 --port=${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: process.env['CI'] === undefined,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
