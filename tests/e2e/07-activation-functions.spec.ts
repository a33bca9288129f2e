import { expect, test } from '@playwright/test';
import { log, readyDemo, runTo } from './demo';

const PAGE = '/chapters/07-activation-functions/';
const NAMES = ['ReLU', 'LeakyReLU', 'ELU', 'GELU', 'Softplus', 'Tanh', 'Sigmoid', 'Hardtanh', 'Identity'];

test('the gallery draws eight activations, each with its derivative', async ({ page }) => {
  await page.goto(PAGE);
  const gallery = page.locator('.if-activation-gallery svg');
  for (const name of ['ReLU', 'LeakyReLU (0.01)', 'ELU', 'GELU', 'Softplus', 'Tanh', 'Sigmoid', 'Hardtanh']) {
    await expect(gallery.getByText(name, { exact: true })).toHaveCount(1);
  }
  // One solid and one dashed line per panel.
  await expect(gallery.locator('g[stroke-dasharray] path')).toHaveCount(8);
});

test('nine copies from one start: the mean of their losses logged, nine lines overlaid, the shown fit live', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(PAGE);
  const d = await readyDemo(page, 'activation-race');
  await expect(d.locator('thead th')).toHaveText(['step', 'loss', ...NAMES]);
  await expect(d.locator('[data-role="log-scale"]')).toBeChecked();
  await runTo(d, 100);
  await expect(d.locator('[data-role="loss-chart"] g.if-series path')).toHaveCount(9);
  const rows = await log(d);
  // The logged loss is the mean of the nine.
  const last = rows[100]!;
  expect(last.loss).toBeCloseTo(last.columns.reduce((a, b) => a + b, 0) / 9, 4);
  // Showing another fit is live: no restart.
  await d.getByLabel('Fit shown').selectOption('relu');
  await runTo(d, 110);
  expect((await log(d))[100]).toEqual(last);
  await expect(page).toHaveURL(/activation-race\.shown=relu/);
});
