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
