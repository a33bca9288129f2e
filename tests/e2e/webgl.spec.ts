import { expect, test } from '@playwright/test';

/**
 * The demos must really run on the GPU path in the test browser. If WebGL2 went missing,
 * tfjs would quietly fall back to the CPU and every later "trains on WebGL" test would be
 * testing the wrong thing, so this fails loudly instead.
 */
test('the test browser has WebGL2, in the page and in workers (OffscreenCanvas)', async ({ page }) => {
  await page.goto('/');
  const support = await page.evaluate(() => ({
    page: !!document.createElement('canvas').getContext('webgl2'),
    offscreen: !!new OffscreenCanvas(1, 1).getContext('webgl2'),
  }));
  expect(support).toEqual({ page: true, offscreen: true });
});

test('tfjs starts on the webgl backend, and the reader learns that it is drawn in software here and which backend suits small demos', async ({
  page,
}) => {
  await page.goto('/');
  const check = page.locator('nn-backend-check');
  await check.scrollIntoViewIfNeeded();
  await expect(check).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(check).toHaveAttribute('data-backend', 'webgl');
  await expect(check).toHaveAttribute('data-webgl-version', '2');
  // Headless Chromium draws WebGL with SwiftShader, on the processor: the box says so rather than promising a GPU.
  await expect(check).toHaveAttribute('data-software', 'true');
  await expect(check).toContainText(/draws WebGL in software \(.*SwiftShader.*\): there is no graphics processor behind it/);
  await expect(check).not.toContainText('your graphics processor');
  // Both backends timed on a small demo's step, and the advice follows the faster one.
  const text = (await check.textContent())!;
  const [, webgl, cpu] = /about (\d+\.\d) ms on WebGL and (\d+\.\d) ms on the CPU backend/.exec(text)!;
  expect(text).toContain(Number(cpu) < Number(webgl) ? 'pick CPU' : 'WebGL is the faster choice');
});

test('without WebGL, tfjs falls back to the CPU and says why', async ({ page }) => {
  await page.addInitScript(() => {
    for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype]) {
      const original = proto.getContext as (this: unknown, id: string, ...rest: unknown[]) => unknown;
      Object.defineProperty(proto, 'getContext', {
        value(this: unknown, id: string, ...rest: unknown[]) {
          return id.includes('webgl') ? null : original.call(this, id, ...rest);
        },
      });
    }
  });
  await page.goto('/');
  const check = page.locator('nn-backend-check');
  await check.scrollIntoViewIfNeeded();
  await expect(check).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(check).toHaveAttribute('data-backend', 'cpu');
  await expect(check).toContainText('WebGL is not available');
});
