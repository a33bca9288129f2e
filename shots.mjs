import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, theme] of [[1280, 'light'], [390, 'dark']]) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 }, colorScheme: theme });
  const p = await ctx.newPage();
  await p.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await p.goto('http://localhost:4321/chapters/04-sums-of-relus/?nosuchdemo.lr=2');
  const d = p.locator('#double-relu');
  await d.scrollIntoViewIfNeeded();
  await p.waitForFunction(() => document.querySelector('#double-relu').dataset.state === 'error');
  await d.screenshot({ path: `/tmp/noworker-${w}-${theme}.png` });
  await p.getByRole('button', { name: 'Train on this page (CPU)' }).first().click();
  await p.waitForFunction(() => document.querySelector('#double-relu').dataset.state === 'ready');
  await d.getByRole('button', { name: 'Play' }).click();
  await p.waitForTimeout(1500);
  await d.getByRole('button', { name: 'Pause' }).click();
  await p.waitForTimeout(300);
  await d.screenshot({ path: `/tmp/inpage-${w}-${theme}.png` });
  await ctx.close();
}
await b.close();
