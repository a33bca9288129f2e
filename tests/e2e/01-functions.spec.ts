import { expect, test } from '@playwright/test';
import { demo, log, readyDemo } from './demo';

const PAGE = '/chapters/01-functions/';
const ID = 'quadratic-by-hand';

test('moving a slider redraws the curve, updates the loss in the title and logs the try', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  const title = d.locator('[data-role="loss-now"]');
  await expect(title).toHaveText('4.4666');
  // Once the page is idle with a reader on it, the live chart replaces the build-time preview, at step 0.
  await expect(d).toHaveAttribute('data-drawn-step', '0');
  const before = await d.locator('g.if-prediction path').getAttribute('d');
  const a = d.getByLabel('a (x² term)', { exact: true });
  await a.fill('3');
  await a.press('Enter');
  await expect(d).toHaveAttribute('data-step', '1');
  const rows = await log(d);
  expect(rows[1]!.columns).toEqual([3, 1.2000000476837158, 1.2999999523162842]);
  await expect(title).not.toHaveText('4.4666');
  // The chart redraws a moment later (redraws are throttled while values stream in); then a
  // second move changes the live curve again.
  await expect(d).toHaveAttribute('data-drawn-step', '1');
  expect(await d.locator('g.if-prediction path').getAttribute('d')).not.toBe(before);
  const live = await d.locator('g.if-prediction path').getAttribute('d');
  const b = d.getByLabel('b (x term)', { exact: true });
  await b.fill('2');
  await b.press('Enter');
  await expect(d).toHaveAttribute('data-drawn-step', '2');
  expect(await d.locator('g.if-prediction path').getAttribute('d')).not.toBe(live);
  await expect(d.locator('tbody[data-role="log"] tr')).toHaveCount(3);
  await expect(page).toHaveURL(/quadratic-by-hand\.a=3/);
});

test('the sliders work from the keyboard, every move is a try', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  const slider = d.getByRole('slider', { name: 'c (constant) slider' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('data-step', '1');
  await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('data-step', '2');
  expect((await log(d)).map((r) => Number(r.columns[2]!.toFixed(4)))).toEqual([1.3, 1.4, 1.5]);
  await expect(d.getByLabel('c (constant)', { exact: true })).toHaveValue('1.5');
});

test('switching the loss to MSE re-evaluates the same curve with the other loss', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByLabel('Loss', { exact: true }).selectOption('mse');
  await expect(d).toHaveAttribute('data-step', '1');
  const rows = await log(d);
  // MSE of the start curve (NumPy: 27.0886), against MAE 4.4666 before.
  expect(Math.abs(rows[1]!.loss - 27.088565)).toBeLessThan(1e-3);
});

test('a shared link restores the sliders; "Back to the start" returns to the chapter start', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.a=3&${ID}.b=1&${ID}.c=1`);
  const d = await readyDemo(page, ID);
  expect((await log(d))[0]!.columns).toEqual([3, 1, 1]);
  await d.getByRole('button', { name: 'Back to the start' }).click();
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(d).toHaveAttribute('data-state', 'ready');
  expect((await log(d))[0]!.columns.map((v) => Number(v.toFixed(4)))).toEqual([1.1, 1.2, 1.3]);
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
});

test('there is nothing to train: no Step or Play button', async ({ page }) => {
  await page.goto(PAGE);
  const d = demo(page, ID);
  await expect(d.getByRole('button', { name: 'Step', exact: true })).toHaveCount(0);
  await expect(d.getByRole('button', { name: 'Play' })).toHaveCount(0);
});

test("each point's miss is drawn from the point to the curve and follows it; the generating curve shows on request", async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  const misses = d.locator('g.if-residuals path');
  // Already in the build-time chart: one per point.
  await expect(misses).toHaveCount(20);
  const ends = () =>
    d.locator('[data-role="fit-chart"] svg').evaluate((svg) => {
      const curve = svg.querySelector<SVGPathElement>('g.if-prediction path')!;
      const dots = [...svg.querySelectorAll('circle')].filter((c) => !c.closest('.if-kinks'));
      return [...svg.querySelectorAll('g.if-residuals path')].map((p, i) => {
        const ends = [...p.getAttribute('d')!.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
        const [x1, y1] = ends[0]!;
        const [x2, y2] = ends[1]!;
        // One end on the point, the other on the curve (the curve's nearest point to it).
        let nearest = Infinity;
        for (let s = 0; s <= curve.getTotalLength(); s += 0.5) {
          const q = curve.getPointAtLength(s);
          nearest = Math.min(nearest, Math.hypot(q.x - x2!, q.y - y2!));
        }
        const dot = dots[i]!;
        return {
          vertical: Math.abs(x1! - x2!),
          atPoint: Math.hypot(x1! - Number(dot.getAttribute('cx')), y1! - Number(dot.getAttribute('cy'))),
          onCurve: nearest,
        };
      });
    });
  const a = d.getByLabel('a (x² term)', { exact: true });
  await a.fill('0');
  await a.press('Enter');
  await expect(d).toHaveAttribute('data-drawn-step', '1');
  for (const e of await ends()) {
    expect(e.vertical).toBeLessThan(0.01);
    expect(e.atPoint).toBeLessThan(0.6);
    expect(e.onCurve).toBeLessThan(1);
  }
  await a.fill('5');
  await a.press('Enter');
  await expect(d).toHaveAttribute('data-drawn-step', '2');
  for (const e of await ends()) expect(e.onCurve).toBeLessThan(1);
  // The generating curve: hidden until asked for, then dotted beside the model's; the loss does not change.
  const reference = d.locator('g.if-reference path');
  await expect(reference).toHaveCount(0);
  const loss = await d.locator('[data-role="loss-now"]').textContent();
  await d.getByLabel('Show the curve the data came from, 3x² + 4x + 5 (dotted)').check();
  await expect(reference).toHaveCount(1);
  await expect(d.locator('[data-role="loss-now"]')).toHaveText(loss!);
  await expect(d.locator('tbody[data-role="log"] tr')).toHaveCount(3);
  await d.getByLabel('Show the curve the data came from, 3x² + 4x + 5 (dotted)').uncheck();
  await expect(reference).toHaveCount(0);
});
