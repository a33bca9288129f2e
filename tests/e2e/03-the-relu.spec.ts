import { expect, test } from '@playwright/test';
import { demo, log, readyDemo } from './demo';

const PAGE = '/chapters/03-the-relu/';

for (const n of [1, 2, 3]) {
  test(`${n} ReLU${n > 1 ? 's' : ''} by hand: every unit is drawn faintly under the sum`, async ({ page }) => {
    await page.goto(PAGE);
    const d = await readyDemo(page, `relu-${n}`);
    // The live chart replaces the static one: one dashed path per unit, one solid sum.
    await expect(d.locator('g.if-units path')).toHaveCount(n);
    await expect(d.locator('g.if-prediction path')).toHaveCount(1);
    await expect(d.locator('thead th')).toHaveText(['try', 'loss', ...Array.from({ length: n }, (_, i) => [`m${i + 1}`, `b${i + 1}`]).flat()]);
  });
}

test("moving a unit's offset slides its kink: only that unit's curve changes", async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-2');
  const units = d.locator('g.if-units path');
  const move = async (label: string, value: string, step: string) => {
    const input = d.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
    await expect(d).toHaveAttribute('data-step', step);
    await expect(d).toHaveAttribute('data-drawn-step', step);
  };
  // A first move brings the live chart in (the build-time preview is drawn at another width).
  await move('b1 (offset)', '1.1', '1');
  await expect(units).toHaveCount(2);
  const before = await units.evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  await move('b2 (offset)', '-1', '2');
  expect(await units.nth(1).getAttribute('d')).not.toBe(before[1]);
  expect(await units.nth(0).getAttribute('d')).toBe(before[0]);
  expect((await log(d))[2]!.columns).toEqual([2, 1.100000023841858, -2, -1]);
});

test('the three demos run side by side, each in its own worker', async ({ page }) => {
  await page.goto(PAGE);
  for (const n of [1, 2, 3]) await readyDemo(page, `relu-${n}`);
  expect(page.workers().filter((w) => w.url().includes('worker')).length).toBe(3);
  await expect(demo(page, 'relu-3')).toHaveAttribute('data-backend', 'webgl');
  // Nothing trains here: no backend menu and no ms/step badge, which would mean nothing.
  for (const n of [1, 2, 3]) {
    await expect(demo(page, `relu-${n}`).getByLabel('Backend')).toBeHidden();
    await expect(demo(page, `relu-${n}`).locator('[data-role="badge"]')).toBeHidden();
  }
});
