import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { BASE_PORT, BASE_PREFIX, PORT } from './tests/e2e/servers';

/**
 * Which Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own download (undefined lets Playwright use it).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

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
      // Keeps Chromium from calling home; the sandbox can't start as root in CI containers.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
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
