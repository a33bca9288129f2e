import { expect, test } from '@playwright/test';
import fixture from '../fixtures/trajectories.json' with { type: 'json' };
import { demo, log, readyDemo, runTo } from './demo';

const PAGE = '/chapters/02-gradient-descent/';
const ID = 'quadratic-descent';
const c = fixture.chapter2;

for (const clear of [true, false]) {
  test(`the step log reproduces the NumPy trajectory with clearing ${clear ? 'on' : 'off'}`, async ({ page }) => {
    await page.goto(`${PAGE}${clear ? '' : `?${ID}.clear=0`}`);
    const d = await readyDemo(page, ID);
    await expect(d.getByLabel('Clear gradients each step')).toBeChecked({ checked: clear });
    await runTo(d, c.steps);
    const rows = (await log(d)).slice(1, c.steps + 1);
    const expected = clear ? c.cleared : c.accumulated;
    expect(rows).toHaveLength(c.steps);
    rows.forEach((r, i) => {
      expect(Math.abs(r.loss - expected.losses[i]!), `loss at step ${r.step}`).toBeLessThan(1e-4);
      r.columns.slice(0, 3).forEach((p, j) => expect(Math.abs(p - expected.params[i]![j]!), `param ${j} at step ${r.step}`).toBeLessThan(1e-4));
    });
  });
}

test('one step: the log shows each gradient, and each parameter moved against its sign', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-step', '1');
  const [start, one] = await log(d);
  const grads = one!.columns.slice(3, 6);
  grads.forEach((g, j) => expect(Math.sign(one!.columns[j]! - start!.columns[j]!)).toBe(-Math.sign(g)));
  await expect(d.locator('thead th')).toHaveText(['step', 'loss', 'a', 'b', 'c', 'grad a', 'grad b', 'grad c', 'lr']);
});

test('a learning rate of 1000 (as the text suggests) stops the run with a message naming it', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.lr=1000`);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'diverged');
  await expect(d.locator('[data-role="message"]')).toContainText('The learning rate (1000) is too large');
  const rows = await log(d);
  expect(rows.every((r) => Number.isFinite(r.loss))).toBe(true);
});

test('a schedule shrinks the learning rate shown in the log', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.lr=0.1&${ID}.schedule=step`);
  const d = await readyDemo(page, ID);
  await runTo(d, 101);
  const rows = await log(d);
  expect([rows[1]!, rows[50]!, rows[51]!, rows[101]!].map((r) => Number(r.columns[6]!.toPrecision(3)))).toEqual([0.1, 0.1, 0.05, 0.025]);
  await expect(demo(page, ID).getByLabel('Learning-rate schedule')).toHaveValue('step');
});

for (const loss of ['mae', 'mse'] as const) {
  test(`the loss along a (${loss}): its tangent's slope where the model stands is the gradient autograd gives the next step`, async ({ page }) => {
    await page.goto(`${PAGE}?${ID}.loss=${loss}&${ID}.lr=0.001`);
    const d = await readyDemo(page, ID);
    const chart = d.locator('[data-role="landscape-chart"] svg');
    // Drawn at the start already (the build draws it for the chapter's settings).
    if (loss === 'mae') await expect(chart.locator('g.if-tangent path')).toHaveCount(1);
    // At steps 1, 3 and 5: one Step draws the chart, then the run goes one step further.
    for (const step of [1, 3, 5]) {
      await d.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(d).toHaveAttribute('data-drawn-step', String(step));
      // The landscape is drawn a frame after the fit.
      await expect(chart).toHaveAttribute('data-a', String((await log(d))[step]!.columns[0]));
      const shown = { a: Number(await chart.getAttribute('data-a')), slope: Number(await chart.getAttribute('data-slope')) };
      // The next step's ∂L/∂a, from autograd in the worker, is the slope drawn here, from the formula.
      await runTo(d, step + 1);
      const next = (await log(d))[step + 1]!;
      expect(Math.abs(next.columns[3]! - shown.slope)).toBeLessThan(1e-4 * Math.max(1, Math.abs(shown.slope)));
      expect(Math.abs(shown.slope)).toBeGreaterThan(0.01);
    }
    await expect(chart.locator('g.if-tangent path')).toHaveCount(1);
  });
}

test('the loss over a and b: contour lines, and the path gradient descent took, ending where the model stands', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.loss=mse&${ID}.lr=0.05`);
  const d = await readyDemo(page, ID);
  const map = d.locator('[data-role="contour-chart"] svg');
  // The build drew the chapter's MAE; the link's MSE is drawn before any step.
  await expect(d.locator('[data-role="landscape-chart"] svg')).toHaveAttribute('data-loss', 'mse');
  // At the start: no path yet, and contour lines (several levels, each a path).
  await expect(map).toHaveAttribute('data-path', '0');
  expect(await map.locator('g.if-contours path').count()).toBeGreaterThan(5);
  await runTo(d, 40);
  await expect(d).toHaveAttribute('data-drawn-step', '40');
  const rows = await log(d);
  const last = rows.at(-1)!;
  // The big dot is the log's last (a, b) (the map is drawn a frame or two after the fit); the path behind it is every earlier step.
  await expect(map).toHaveAttribute('data-a', String(last.columns[0]));
  await expect(map).toHaveAttribute('data-b', String(last.columns[1]));
  await expect(map).toHaveAttribute('data-path', String(rows.length - 1));
  // The path moves downhill: the loss at its end is below the loss where it began.
  expect(last.loss).toBeLessThan(rows[0]!.loss);
  await expect(map.locator('g.if-path path')).toHaveCount(1);
});
