import { expect, test } from '@playwright/test';
import fixture from '../fixtures/hand_net.json' with { type: 'json' };
import { log, readyDemo, runTo } from './demo';

const PAGE = '/chapters/05-a-hidden-layer-by-hand/';

for (const run of fixture.runs) {
  test(`the network by hand follows NumPy in the browser (${run.hidden} units, ${run.shuffled ? 'shuffled' : 'sequential'} batches)`, async ({
    page,
  }) => {
    const query = new URLSearchParams();
    if (run.hidden !== 5) query.set('sine-by-hand.hidden', String(run.hidden));
    if (!run.shuffled) query.set('sine-by-hand.batches', 'sequential');
    await page.goto(`${PAGE}?${query}`);
    const d = await readyDemo(page, 'sine-by-hand');
    await runTo(d, fixture.steps);
    const rows = (await log(d)).slice(1, fixture.steps + 1);
    expect(rows).toHaveLength(fixture.steps);
    rows.forEach((r, i) => {
      expect(Math.abs(r.loss - run.losses[i]!), `loss before step ${r.step}`).toBeLessThan(2e-4);
      expect(Math.abs(r.columns[0]! - run.db2[i]!), `hand ∂L/∂b₂ at step ${r.step}`).toBeLessThan(2e-4);
      // Hand and autograd agree on this backend, on every step.
      expect(r.columns[2]!, `largest difference at step ${r.step}`).toBeLessThan(1e-5);
    });
  });
}

test('the step log puts the hand-written gradient beside autograd’s, and one dashed curve per hidden unit', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'sine-by-hand');
  await expect(d.locator('thead th')).toHaveText(['step', 'loss', '∂L/∂b₂ by hand', '∂L/∂b₂ autograd', 'largest |hand − autograd|']);
  await expect(d.locator('g.if-units path')).toHaveCount(5);
  await runTo(d, 5);
  const row = (await log(d))[5]!;
  expect(Math.abs(row.columns[0]! - row.columns[1]!)).toBeLessThanOrEqual(row.columns[2]!);
  await d.getByLabel('Hidden units', { exact: true }).fill('100');
  await d.getByLabel('Hidden units', { exact: true }).press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  await runTo(d, 1);
  await expect(d.locator('g.if-units path')).toHaveCount(100);
  await expect(page).toHaveURL(/sine-by-hand\.hidden=100/);
});

test('sequential batches make the loss saw up and down once per epoch; shuffled ones do not', async ({ page }) => {
  test.setTimeout(120_000);
  const rises = async (batches: string) => {
    await page.goto(`${PAGE}?sine-by-hand.batches=${batches}`);
    const d = await readyDemo(page, 'sine-by-hand');
    await runTo(d, 242);
    // How often the loss rises by over 5% from one step to the next, in epochs 12 to 22 (11 steps each).
    const losses = (await log(d)).slice(121, 243).map((r) => r.loss);
    return losses.slice(1).filter((l, i) => l > losses[i]! * 1.05).length;
  };
  const sequential = await rises('sequential');
  const shuffled = await rises('shuffled');
  expect(sequential).toBeGreaterThanOrEqual(20);
  expect(shuffled).toBeLessThan(sequential / 4);
});

test('the linear-only network draws straight lines only', async ({ page }) => {
  await page.goto(`${PAGE}?sine-by-hand.activation=none`);
  const d = await readyDemo(page, 'sine-by-hand');
  await runTo(d, 300);
  await expect(d).toHaveAttribute('data-drawn-step', /^[1-9]/);
  // Every path the model and its units draw is straight: all its points on one line.
  const bends = await d.locator('g.if-prediction path, g.if-units path').evaluateAll((paths) =>
    paths.map((p) => {
      const pts = [...(p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      const [x0, y0] = pts[0]!;
      const [x1, y1] = pts.at(-1)!;
      return Math.max(...pts.map(([x, y]) => Math.abs((y1 - y0) * (x - x0) - (x1 - x0) * (y - y0)) / Math.hypot(x1 - x0, y1 - y0)));
    }),
  );
  expect(bends.length).toBe(6);
  expect(Math.max(...bends)).toBeLessThan(0.5);
});

test('the code shown is the code that runs, with a PyTorch tab', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('.expressive-code').first()).toContainText('export class HandLinear');
  await expect(page.locator('.expressive-code').first()).toContainText('this.dW = tf.matMul(tf.transpose(this.#x), dy);');
  await page.getByText('Show the code: sine-by-hand.ts').click();
  await page.getByRole('tab', { name: 'PyTorch' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('auto = torch.autograd.grad(loss_of(prediction, yb), params)');
});

test("every hidden unit's share is drawn inside the chart, beside the curve it helps make, with a key", async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'sine-by-hand');
  await runTo(d, 300);
  await expect(d).toHaveAttribute('data-drawn-step', '300');
  await expect(d.locator('[data-role="unit-legend"] li')).toHaveCount(5);
  const outside = await d.locator('[data-role="fit-chart"] svg').evaluate((svg) => {
    const sy = (svg as SVGSVGElement & { scale(n: string): { range: number[] } }).scale('y');
    const [a, b] = sy.range;
    const [top, bottom] = [Math.min(a!, b!), Math.max(a!, b!)];
    return [...svg.querySelectorAll('g.if-units path')].map((p) => {
      const ys = [...p.getAttribute('d')!.matchAll(/[ML]-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
      return ys.filter((y) => y < top - 0.5 || y > bottom + 0.5).length;
    });
  });
  expect(outside).toEqual([0, 0, 0, 0, 0]);
});

test("the tutorial's setup: the chapter's link sets all four settings, and the step log still matches autograd", async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('link', { name: 'this link sets all four' }).click();
  await expect(page).toHaveURL(/sine-by-hand\.init=normal/);
  const d = await readyDemo(page, 'sine-by-hand');
  await expect(d.getByLabel('Initial weights')).toHaveValue('normal');
  await expect(d.getByLabel('Mini-batches')).toHaveValue('window');
  await expect(d.getByLabel('Loss', { exact: true })).toHaveValue('half');
  await expect(d.getByLabel('Seed (weights and batches)', { exact: true })).toHaveValue('1234');
  await runTo(d, 30);
  const rows = await log(d);
  // Zero biases: every kink starts at x = 0, and the hand-written gradients of ½·MSE are autograd's.
  for (const r of rows.slice(1)) expect(r.columns[2]!).toBeLessThan(1e-4);
  expect(rows[30]!.loss).toBeLessThan(rows[0]!.loss / 5);
});
