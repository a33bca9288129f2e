import { existsSync } from 'node:fs';

/**
 * Which Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own download (undefined lets Playwright use it).
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Keeps Chromium from calling home; the sandbox can't start as root in CI containers. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];
