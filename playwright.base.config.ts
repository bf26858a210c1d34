import { defineConfig } from '@playwright/test';
import main from './playwright.config.ts';

// The site built under a base path (BASE_PATH=/tflite-lab/, ASTRO_OUT_DIR=dist-base) and served by a
// plain static server that sends no isolation headers, like GitHub Pages: links, assets, WASM and
// models under the base; cross-origin isolation through the service worker; offline reloads.
// A focused subset (tests/e2e/hosted/); the full suite runs against `astro preview` at the root.
const port = Number(process.env.E2E_BASE_PORT ?? 4411);
export const BASE_PATH = '/tflite-lab/';
const outDir = process.env.ASTRO_BASE_OUT_DIR ?? 'dist-base';

export default defineConfig({
  ...main,
  testDir: './tests/e2e/hosted',
  testIgnore: undefined,
  use: { ...main.use, baseURL: `http://127.0.0.1:${port}${BASE_PATH}`, serviceWorkers: 'allow' },
  webServer: {
    command: `node tests/e2e/static-server.mjs ${outDir} ${BASE_PATH} ${port}`,
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
