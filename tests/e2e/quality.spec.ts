import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { DEMOS } from './demo';
import { isSearchUi, isWorker } from './script-kinds';
import { builtPages } from './site';

/**
 * Page weight budgets (gzip). A chapter ships little JavaScript before any demo nears the
 * viewport; the demo's runtime (worker, tfjs, Plot) comes lazily. Measured 2026-12: about
 * 46 KB up front (6.4 KB of it Starlight's small scripts, which sat uncounted inside the
 * HTML until the build moved them into files for the Content-Security-Policy) and 283 KB
 * lazily; then the exercises (their element, the stored progress and the sidebar's marks)
 * brought the first figure to about 51–53 KB, and chapter 8 (exercises, claims and the compute
 * bench) to 55.4 KB. The playground's settings written as text (a layer list, a pasted CSV),
 * checked on every page as every setting is, added 1.6 KB: chapter 8 is at 56.9 KB. Since
 * 2026-12-07 the worker (222 KB, tfjs inside) is warmed while the page is idle, fetched by
 * the worker, not the page, and Plot (102 KB) loads once a reader is on the page and it is
 * idle, no longer at a run's first step: the runtime a demo brings is now 326 KB. The warm-up
 * and the charts' frame scheduling added 0.8 KB up front (chapter 8: 58.1 KB). The budgets
 * leave a little room, and README lists them.
 *
 * Starlight's search loads Pagefind's UI (25.9 KB) when the page first goes idle: on a quiet
 * machine before the page's first network-idle, on a busy one after it, where it fell into the
 * demo's window and failed that budget. It is counted on its own line, whenever it comes, and
 * the first budget is the page's own scripts without it (26.8–32.8 KB, chapter 8 the most).
 */
const BUDGET_BEFORE_DEMO = 36 * 1024;
const BUDGET_SEARCH_UI = 28 * 1024;
const BUDGET_LAZY_DEMO = 340 * 1024;

const chapters = builtPages().filter((p) => p.startsWith('/chapters/'));

for (const path of chapters) {
  test(`${path}: JavaScript before any demo loads, and the lazy demo runtime, stay within budget`, async ({ browser }) => {
    // A short window at the top: no demo is near it, so nothing lazy starts on the page's thread.
    const page = await browser.newPage({ viewport: { width: 1280, height: 200 } });
    const js: { url: string; bytes: number }[] = [];
    const search: typeof js = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) {
        const file = { url: r.url(), bytes: gzipSync(await r.body().catch(() => Buffer.alloc(0))).length };
        (isSearchUi(file) ? search : js).push(file);
      }
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The worker (tfjs is inside it) may come while the page is idle, warmed for the first demo
    // (components/demo/warm-up.ts): the worker fetches it, the page's own thread never runs it.
    const warmed = js.filter(isWorker);
    const eager = js.splice(0).filter((f) => !isWorker(f));
    // Each file once: a second worker (the next demo warming) runs the same script, from the cache.
    const sum = (files: typeof js) => [...new Map(files.map((f) => [f.url, f.bytes])).values()].reduce((s, b) => s + b, 0);
    // tfjs is only ever reached through the worker, or the runtime's lazy path.
    expect(eager.map((f) => new URL(f.url).pathname).filter((p) => /\/tf[.-]/.test(p))).toEqual([]);
    expect(sum(eager)).toBeLessThan(BUDGET_BEFORE_DEMO);
    await expect.poll(() => search.length, { message: "Starlight's search UI loads once the page is idle", timeout: 20_000 }).toBeGreaterThan(0);
    expect(sum(search)).toBeLessThan(BUDGET_SEARCH_UI);
    const demos = page.locator(DEMOS);
    if ((await demos.count()) === 0) return;
    await demos.first().scrollIntoViewIfNeeded();
    await expect(demos.first()).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const lazy = [...warmed, ...js.splice(0)];
    expect(lazy.some(isWorker)).toBe(true);
    expect(sum(lazy)).toBeLessThan(BUDGET_LAZY_DEMO);
    await page.close();
  });
}

test('at 360 px wide with touch, every chapter fits the screen and its demos respond to taps', async ({ browser }) => {
  // Half a minute per chapter: a page load, and a first step that compiles a race's shaders on software WebGL.
  test.setTimeout(30_000 * (chapters.length + 1));
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  for (const path of chapters) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    // Display math fits too: a formula the reader has to scroll sideways to read is cut off on a phone.
    const wideMath = await page.evaluate(() =>
      [...document.querySelectorAll('.katex-display')]
        .filter((m) => m.scrollWidth > m.clientWidth + 1)
        .map((m) => m.querySelector('annotation')?.textContent?.slice(0, 40)),
    );
    expect(wideMath, `${path}: display math wider than the screen`).toEqual([]);
    const demo = page.locator(DEMOS).first();
    if ((await demo.count()) === 0) continue;
    await demo.scrollIntoViewIfNeeded();
    await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const step = demo.locator('button[data-action="step"]');
    if ((await step.count()) > 0) {
      await step.tap();
      // A race's first step builds five models and compiles their shaders: seconds on a loaded machine.
      await expect(demo).toHaveAttribute('data-step', '1', { timeout: 20_000 });
    } else {
      // A demo fitted by hand: tap the first slider's track, a try is logged.
      const slider = demo.getByRole('slider').first();
      const box = (await slider.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height / 2);
      await expect(demo).toHaveAttribute('data-step', '1');
    }
  }
  await context.close();
});

for (const path of chapters) {
  test(`printing ${path} shows the charts and the text, not the controls`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const demos = page.locator(DEMOS);
    expect(await demos.count()).toBeGreaterThan(0);
    for (const demo of await demos.all()) {
      await expect(demo.locator('[data-role="fit-chart"] svg')).toBeVisible();
      await expect(demo.locator('.if-demo__controls')).toBeHidden();
      await expect(demo.getByRole('button', { name: 'Copy link' })).toBeHidden();
      await expect(demo.locator('figcaption button')).toBeHidden();
    }
    await expect(page.locator('nn-compute-bench button')).toBeHidden();
    await expect(page.locator('h1')).toBeVisible();
  });
}

for (const path of chapters) {
  test(`${path} without JavaScript: prose, math and every demo's static chart`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    const demos = page.locator(DEMOS);
    for (let i = 0; i < (await demos.count()); i++) {
      await expect(demos.nth(i).locator('[data-role="fit-chart"] svg')).toBeVisible();
      await expect(demos.nth(i).locator('[data-role="loss-chart"] svg')).toBeVisible();
    }
    await context.close();
  });
}
