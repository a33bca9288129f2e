import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/chromium.ts';
import { BASE_PORT, BASE_PREFIX, PORT } from './tests/e2e/servers.ts';

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /\.alone\.spec\.ts$/ },
    // Measurements of the page's smoothness, run once everything else is done, one at a time.
    { name: 'alone', testMatch: /\.alone\.spec\.ts$/, dependencies: ['chromium'], fullyParallel: false },
  ],
  webServer: [
    {
      command: `npx astro preview --ignore-lock --port ${PORT}`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same site built under a base path (npm run build:base), served from dist-base/.
      command: `npx astro preview --ignore-lock --port ${BASE_PORT}`,
      url: `http://localhost:${BASE_PORT}${BASE_PREFIX}`,
      env: { BASE_PATH: BASE_PREFIX, OUT_DIR: './dist-base' },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
