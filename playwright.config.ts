import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './src/lib/node/chromium.ts';

// Fails here, before any server starts, with install instructions when no Chromium exists.
const executablePath = chromiumExecutable();
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: './tests/e2e',
  // tests/e2e/hosted/ runs against a build under a base path: playwright.base.config.ts.
  testIgnore: 'hosted/**',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI only: the machine is shared and noisy; Playwright still reports a retried test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
    // page.route() cannot see requests a service worker answers; tests/e2e/hosted/ allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
