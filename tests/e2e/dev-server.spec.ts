import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEV_PORT } from './servers';
import { builtPages } from './site';

/**
 * `npm run dev` (astro dev) renders every page, demos' build-time charts included: there
 * tfjs runs through Vite's module runner rather than a bundle (build/tfjs-dev-ssr.mjs).
 */
test('the dev server renders every page, with each demo and its charts of the seeded start', async () => {
  test.setTimeout(180_000);
  const server = spawn('npx', ['astro', 'dev', '--port', String(DEV_PORT)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  try {
    const origin = `http://localhost:${DEV_PORT}`;
    await expect.poll(async () => (await fetch(origin).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    for (const path of builtPages()) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const built = readFileSync(`dist${path}index.html`, 'utf8');
      const demos = (s: string) => [...s.matchAll(/<nn-(?:fit-demo|playground) id="([^"]+)"/g)].map((m) => m[1]);
      expect(demos(html), path).toEqual(demos(built));
      // Every demo's static charts are there, as in the build.
      const charts = (s: string) => [...s.matchAll(/<(nn-fit-demo|nn-playground)[\s\S]*?<\/\1>/g)].map((m) => (m[0].match(/<svg\b/g) ?? []).length);
      expect(
        charts(built).every((n) => n >= 2),
        path,
      ).toBe(true);
      expect(charts(html), path).toEqual(charts(built));
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
});
