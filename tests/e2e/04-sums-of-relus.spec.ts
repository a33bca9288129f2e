import { expect, test } from '@playwright/test';
import fixture from '../fixtures/trajectories.json' with { type: 'json' };
import { demo, log, readyDemo, runTo } from './demo';

const PAGE = '/chapters/04-sums-of-relus/';

for (const clear of [true, false]) {
  test(`the double ReLU's step log reproduces the NumPy trajectory (clear gradients ${clear ? 'on' : 'off'})`, async ({ page }) => {
    await page.goto(`${PAGE}${clear ? '' : '?double-relu.clear=0'}`);
    const d = await readyDemo(page, 'double-relu');
    await runTo(d, fixture.chapter4.steps);
    const rows = (await log(d)).slice(1, fixture.chapter4.steps + 1);
    const expected = clear ? fixture.chapter4.cleared : fixture.chapter4.accumulated;
    rows.forEach((r, i) => {
      expect(Math.abs(r.loss - expected.losses[i]!), `loss at step ${r.step}`).toBeLessThan(1e-4);
      r.params.forEach((p, j) => expect(Math.abs(p - expected.params[i]![j]!), `param ${j} at step ${r.step}`).toBeLessThan(1e-4));
    });
    expect(rows).toHaveLength(fixture.chapter4.steps);
  });
}

test('the code shown beside the demo is the file the demo runs, with a PyTorch tab', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('tab', { name: 'TypeScript (this site)' })).toBeVisible();
  await expect(page.locator('.expressive-code').first()).toContainText("export const doubleRelu: ExperimentDefinition = {");
  await page.getByRole('tab', { name: 'PyTorch' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('torch.optim.SGD([m, b], lr=0.01)');
  await expect(demo(page, 'double-relu')).toBeVisible();
});

test('the N-ReLU fitter: one dashed curve per unit, and changing N or the target restarts the fit', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await expect(d.locator('g.if-units path')).toHaveCount(10);
  await expect(d.locator('thead th')).toHaveText(['step', 'loss']);
  await runTo(d, 50);
  const units = d.getByLabel('Units (N)', { exact: true });
  await units.fill('25');
  await units.press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(d).toHaveAttribute('data-state', 'ready');
  await expect(d.locator('g.if-units path')).toHaveCount(25);
  const sine = await d.locator('[data-role="fit-chart"] circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cy')));
  await d.getByLabel('Target').selectOption('abs');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect
    .poll(() => d.locator('[data-role="fit-chart"] circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cy'))))
    .not.toEqual(sine);
  await expect(page).toHaveURL(/relu-fitter\.units=25.*relu-fitter\.target=abs|relu-fitter\.target=abs.*relu-fitter\.units=25/);
  // Training the |x| shape with 25 units drives the error far down.
  await runTo(d, 300);
  expect((await log(d))[300]!.loss).toBeLessThan(0.01);
});

test('out-of-range unit counts in a link are refused', async ({ page }) => {
  await page.goto(`${PAGE}?relu-fitter.units=500`);
  const d = await readyDemo(page, 'relu-fitter');
  await expect(d.locator('[data-role="message"]')).toContainText('Units (N): 500 is outside the allowed range 1 to 50');
  await expect(d.locator('g.if-units path')).toHaveCount(10);
});
