import { expect, test } from '@playwright/test';
import { allowSteps, log, readyDemo, runTo, stepCost } from './demo';

const PAGE = '/chapters/08-training-faster/';

test('five runs from one start: equal losses at step 0, five lines overlaid, the mini-batch run sees fewer points', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'optimizer-race');
  await expect(d.locator('thead th')).toHaveText(['step', 'loss', 'SGD', 'SGD + momentum', 'Adam', 'Adam, mini-batches', 'Adam + cosine']);
  const start = (await log(d))[0]!.columns;
  // The same weights in all five copies: the same loss before any step.
  expect(new Set(start.map((v) => v.toFixed(6))).size).toBe(1);
  // Five models a step: the time the 120 steps below take on this machine's WebGL.
  allowSteps(120, await stepCost(d));
  await runTo(d, 100);
  await expect(d.locator('[data-role="loss-chart"] g.if-series path')).toHaveCount(5);
  const after = (await log(d))[100]!.columns;
  expect(new Set(after.map((v) => v.toFixed(4))).size).toBe(5);
  // Changing the mini-batch size restarts the race; the link keeps it.
  await d.getByLabel('Mini-batch size', { exact: true }).fill('1024');
  await d.getByLabel('Mini-batch size', { exact: true }).press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  await runTo(d, 20);
  const rows = await log(d);
  // With one batch of all 1024 points, the mini-batch run is plain full-batch Adam.
  rows.slice(1, 21).forEach((r) => expect(Math.abs(r.columns[3]! - r.columns[2]!)).toBeLessThan(1e-5));
  await expect(page).toHaveURL(/optimizer-race\.batch=1024/);
});

for (const backend of ['webgl', 'cpu'] as const) {
  test(`at learning rate 0.1 (${backend}) momentum runs away: that run stops and says so, the other four train on`, async ({ page }) => {
    await page.goto(`${PAGE}?optimizer-race.lr=0.1&optimizer-race.backend=${backend}`);
    const d = await readyDemo(page, 'optimizer-race', backend);
    await runTo(d, 60);
    await expect(d.locator('[data-role="message"]')).toContainText(/SGD \+ momentum stopped at step \d+: its loss .*The other runs go on\./);
    await expect(d).toHaveAttribute('data-state', /ready|paused/);
    const rows = await log(d);
    expect(rows.at(-1)!.step).toBe(60);
    const last = rows.at(-1)!.columns;
    expect(last[1]).toBeNaN();
    expect([last[0], ...last.slice(2)].every(Number.isFinite)).toBe(true);
    // The step log shows no number for the stopped run, and the loss chart draws no point for it past its stop.
    await expect(d.locator('tbody[data-role="log"] tr').last().locator('td').nth(3)).toHaveText('—');
    await expect(d.locator('[data-role="loss-chart"] g.if-series path')).toHaveCount(5);
  });
}

test('the compute table times both models on every backend in the browser and marks the fastest', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(PAGE);
  const bench = page.locator('nn-compute-bench');
  await bench.scrollIntoViewIfNeeded();
  await bench.getByRole('button', { name: 'Measure in this browser' }).click();
  await expect(bench.getByRole('status')).toContainText('Measuring the tiny model', { timeout: 10_000 });
  await expect(bench).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
  for (const model of ['tiny', 'wide']) {
    const cells = bench.locator(`tr[data-model="${model}"] td`);
    await expect(cells).toHaveCount(3);
    const ms = await cells.evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.ms)));
    expect(ms.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    // The fastest is the smallest number, and it is marked in words.
    const fastest = bench.locator(`tr[data-model="${model}"] td[data-fastest="true"]`);
    await expect(fastest).toHaveCount(1);
    await expect(fastest).toContainText('(fastest)');
    expect(Number(await fastest.getAttribute('data-ms'))).toBe(Math.min(...ms));
  }
  // The wider model costs more per step than the tiny one on the CPU.
  const cpu = async (m: string) => Number(await bench.locator(`tr[data-model="${m}"] td[data-backend="cpu"]`).getAttribute('data-ms'));
  expect(await cpu('wide')).toBeGreaterThan(await cpu('tiny'));
  await expect(bench.getByRole('button', { name: 'Measure again' })).toBeEnabled();
});
