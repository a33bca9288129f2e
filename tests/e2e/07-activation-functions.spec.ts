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
  // The fit drawn is the Tanh run's, in its line's colour (the legend's swatch).
  const fit = d.locator('[data-role="fit-chart"] > [data-model]');
  const swatch = (name: string) => d.locator('.if-legend li', { hasText: new RegExp(`^${name}$`) }).locator('.if-swatch');
  const stroke = () => d.locator('[data-role="fit-chart"] g.if-prediction').getAttribute('stroke');
  await expect(fit).toHaveAttribute('data-model', 'Tanh');
  expect(await swatch('Tanh').getAttribute('style')).toContain((await stroke())!);
  // Showing another fit is live: no restart, and it is drawn at once, paused, in its own colour.
  const before = await d.locator('[data-role="fit-chart"] g.if-prediction path').getAttribute('d');
  await d.getByLabel('Fit shown').selectOption('relu');
  await expect(fit).toHaveAttribute('data-model', 'ReLU');
  await expect(d.locator('[data-role="fit-chart"] g.if-prediction path')).not.toHaveAttribute('d', before!);
  await expect(d).toHaveAttribute('data-step', '100');
  expect(await swatch('ReLU').getAttribute('style')).toContain((await stroke())!);
  await runTo(d, 110);
  expect((await log(d))[100]).toEqual(last);
  await expect(page).toHaveURL(/activation-race\.shown=relu/);
});
