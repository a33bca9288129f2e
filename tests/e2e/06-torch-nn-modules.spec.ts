import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { log, readyDemo, runTo } from './demo';

const PAGE = '/chapters/06-torch-nn-modules/';

test('namedParameters() tables: positional names 0 and 2, then named children, with torch shapes', async ({ page }) => {
  await page.goto(PAGE);
  const positional = page.locator('table.if-param-table[data-named="false"] tbody tr');
  await expect(positional).toHaveText([/0\.weight\s*\[13, 1\]\s*13/, /0\.bias\s*\[13\]\s*13/, /2\.weight\s*\[1, 13\]\s*13/, /2\.bias\s*\[1\]\s*1/]);
  const named = page.locator('table.if-param-table[data-model="sequential"][data-named="true"] tbody tr');
  await expect(named).toHaveText([/hidden\.weight\s*\[8, 1\]/, /hidden\.bias\s*\[8\]/, /output\.weight\s*\[1, 8\]/, /output\.bias\s*\[1\]/]);
  await expect(page.locator('table.if-param-table[data-model="sequential"][data-named="true"] tfoot')).toContainText('25');
  await expect(page.locator('.expressive-code').filter({ hasText: 'named: printModule(model)' })).toContainText('(activation): Tanh()');
});

test('the library the loop uses is shown whole: each listing is its file, and the line count is theirs', async ({ page }) => {
  await page.goto(PAGE);
  const library = page.locator('details.if-library');
  await library.locator('summary').click();
  const blocks = library.locator('.expressive-code');
  const titles = await blocks.locator('figcaption .title').allTextContents();
  expect(titles).toEqual(
    ['parameter', 'module', 'linear', 'sequential', 'autograd', 'losses', 'optim/optimizer', 'optim/sgd'].map((f) => `src/nn/${f}.ts`),
  );
  let lines = 0;
  for (const [i, title] of titles.entries()) {
    const file = readFileSync(title, 'utf8').trimEnd();
    const shown = (await blocks.nth(i).locator('.ec-line').allTextContents()).map((l) => l.replace(/\n$/, '')).join('\n');
    expect(shown.trimEnd(), title).toBe(file);
    lines += file.split('\n').length;
  }
  await expect(library.locator('[data-role="line-count"]')).toHaveText(String(lines));
  await expect(page.getByText(`fits in eight files, ${lines} lines with their comments`)).toBeVisible();
});

// 3,000 steps on the CPU backend, where they are cheap (the claims spec checks this run's numbers on WebGL).
test('Linear(1, 1) closes in on the least-squares line; the log shows w, b and the distance (CPU)', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(`${PAGE}?thermo-linear.backend=cpu`);
  const d = await readyDemo(page, 'thermo-linear', 'cpu');
  await expect(d.locator('thead th')).toHaveText(['step', 'loss', 'validation loss', 'w', 'b', 'distance to least squares']);
  // The two held-out readings are drawn apart from the nine it trains on, labelled, before and after training starts.
  const heldOut = d.locator('[data-role="fit-chart"] g.if-held-out path');
  await expect(heldOut).toHaveCount(2);
  await expect(d.locator('[data-role="fit-chart"] text', { hasText: 'held out' })).toHaveCount(2);
  // The prose names the one beyond the training range, from the data.
  const named = page.locator('main p', { hasText: 'lies beyond the' });
  for (const fact of ['28 °C', '81.9', '68.4']) await expect(named).toContainText(fact);
  await runTo(d, 3000);
  await expect(heldOut).toHaveCount(2);
  const rows = await log(d);
  const distance = rows.map((r) => r.columns[3]!);
  // The distance shrinks from start to end, and the loss approaches the optimum 2.733 from above.
  expect(distance[3000]!).toBeLessThan(distance[1000]! / 5);
  expect(rows[3000]!.loss).toBeGreaterThanOrEqual(2.733);
  // Training and validation loss are both drawn, with a legend.
  await expect(d.locator('[data-role="loss-chart"]')).toContainText('validation');
  await expect(d.locator('[data-role="loss-chart"] g.if-series path')).toHaveCount(2);
});

// 8,000 steps: on the CPU backend, where this small model's steps are cheapest (the claims spec
// checks the same comparison on WebGL, as a ratio claim, sharing the runs of the chapter's other claims).
test('the MLP overfits: training loss below the line, validation loss above it (CPU)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${PAGE}?thermo-mlp.backend=cpu&thermo-linear.backend=cpu`);
  const mlp = await readyDemo(page, 'thermo-mlp', 'cpu');
  const line = await readyDemo(page, 'thermo-linear', 'cpu');
  await runTo(mlp, 5000);
  await runTo(line, 3000);
  const [m, l] = [(await log(mlp))[5000]!, (await log(line))[3000]!];
  expect(m.loss).toBeLessThan(l.loss);
  expect(m.columns[0]!).toBeGreaterThan(l.columns[0]!);
});

test('naming the layers changes the names, not the numbers', async ({ page }) => {
  const losses = async (named: boolean) => {
    await page.goto(`${PAGE}?thermo-mlp.hidden=8${named ? '&thermo-mlp.named=1' : ''}`);
    const d = await readyDemo(page, 'thermo-mlp');
    await runTo(d, 100);
    return (await log(d)).map((r) => r.loss);
  };
  expect(await losses(true)).toEqual(await losses(false));
});

test("a module of one's own: its table lists its own parameters, then its child's; the listing is the file's class; it trains like the others", async ({
  page,
}) => {
  await page.goto(PAGE);
  const table = page.locator('table.if-param-table[data-model="line-and-bend"]');
  await expect(table.locator('tbody tr')).toHaveText([
    /^w\s*\[1, 1\]\s*1$/,
    /^b\s*\[1\]\s*1$/,
    /^bend\.hidden\.weight\s*\[4, 1\]\s*4$/,
    /^bend\.hidden\.bias\s*\[4\]\s*4$/,
    /^bend\.output\.weight\s*\[1, 4\]\s*4$/,
    /^bend\.output\.bias\s*\[1\]\s*1$/,
  ]);
  await expect(table.locator('tfoot')).toContainText('15');
  await expect(page.locator('.expressive-code').filter({ hasText: 'LineAndBend: printModule(model)' })).toContainText('(bend): Sequential');
  // The class shown is the one in the file the demo runs.
  const source = readFileSync('src/train/line-and-bend.ts', 'utf8');
  const shown = await page.locator('.expressive-code').filter({ hasText: 'line-and-bend.ts: the module' }).locator('pre').innerText();
  expect(source).toContain(shown.trim().split('\n').slice(0, 12).join('\n'));
  expect(shown).toContain('override children(): Record<string, Module> {');
  // Its line starts at zero, and the optimizer moves it: the log's w and b.
  await page.goto(`${PAGE}?thermo-custom.backend=cpu`);
  const d = await readyDemo(page, 'thermo-custom', 'cpu');
  await runTo(d, 50);
  const rows = await log(d);
  expect(rows[0]!.columns.slice(1)).toEqual([0, 0]);
  expect(rows[50]!.columns[1]).toBeGreaterThan(0);
  expect(rows[50]!.loss).toBeLessThan(rows[0]!.loss / 2);
});
