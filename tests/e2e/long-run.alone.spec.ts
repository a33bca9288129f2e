import { expect, test, type Page } from '@playwright/test';
import { readyDemo } from './demo';

/**
 * Runs alone, after every other test (the "alone" project in playwright.config.ts): a frame
 * rate measured beside another browser's training says more about the machine than the page.
 */
const PAGE = '/chapters/04-sums-of-relus/';

/** Frames the page painted in `ms`, counted with requestAnimationFrame, as frames per second. */
function frameRate(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = (t: number) => {
          frames++;
          if (t - t0 < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (t - t0));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

test('a 100,000-step run on the CPU: heap and DOM stay flat, the page keeps 50 frames/s', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`${PAGE}?double-relu.backend=cpu`);
  const d = await readyDemo(page, 'double-relu', 'cpu');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const domSize = () => page.evaluate(() => document.getElementsByTagName('*').length);
  const stepOf = async () => Number(await d.getAttribute('data-step'));
  await d.getByRole('button', { name: 'Play' }).click();
  await expect.poll(stepOf, { timeout: 60_000 }).toBeGreaterThan(10_000);
  const early = { heap: await heap(), dom: await domSize(), fps: await frameRate(page, 3_000) };
  await expect.poll(stepOf, { timeout: 240_000, intervals: [2_000] }).toBeGreaterThan(100_000);
  const late = { heap: await heap(), dom: await domSize(), fps: await frameRate(page, 3_000) };
  await d.getByRole('button', { name: 'Pause' }).click();
  const rows = await d.evaluate((el) => (el as HTMLElement & { log: { step: number }[] }).log.length);
  test.info().annotations.push({ type: 'measured', description: JSON.stringify({ early, late, rows }) });
  // A row of this log is about 130 bytes: kept whole, 90,000 more rows would add about 12 MB.
  expect(late.heap - early.heap).toBeLessThan(1_500_000);
  expect(Math.abs(late.dom - early.dom)).toBeLessThanOrEqual(10);
  expect(rows).toBeLessThanOrEqual(7_001);
  expect(early.fps).toBeGreaterThanOrEqual(50);
  expect(late.fps).toBeGreaterThanOrEqual(50);
  // The loss chart still spans the whole run: its x domain and its description reach the last step.
  const chart = d.locator('[data-role="loss-chart"] svg');
  const domain = JSON.parse((await chart.getAttribute('data-domain'))!) as { x: [number, number] };
  expect(domain.x[1]).toBeGreaterThan(100_000);
  await expect(chart).toHaveAttribute('aria-description', new RegExp(`^Loss from step 0 .* to step ${await d.getAttribute('data-step')} `));
});
