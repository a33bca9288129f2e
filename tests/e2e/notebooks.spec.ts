import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { compareLogs, runPython, type LogRow } from '../unit/notebook/compare';
import { log, readyDemo, runTo } from './demo';

/**
 * A notebook exported from the page reproduces the page's own run: for a sample of
 * non-default settings in every chapter (a forgotten zero_grad(), momentum, Adam, schedules,
 * mini-batches, a drawn target, kinks dragged by hand), the demo trains on the CPU backend,
 * the reader clicks the notebook link, and Python with PyTorch prints the page's step log
 * (printed rounding + 1e-4 + 0.1 %: float32 in both, summed in different orders).
 */

async function exported(page: Page, d: Locator, format: 'py' | 'ipynb'): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), d.locator(`a[data-role="notebook"][data-format="${format}"]`).click()]);
  expect(download.suggestedFilename()).toBe(`${await d.getAttribute('id')}.${format}`);
  return readFileSync(await download.path(), 'utf8');
}

/** Runs the exported script and checks every row it printed against the page's log; returns the steps compared. */
async function expectSameLog(page: Page, d: Locator, pageRows?: LogRow[]): Promise<number[]> {
  const python = runPython(await exported(page, d, 'py'));
  const columns = await d.evaluate((el) => (el as HTMLElement & { columnNames: string[] }).columnNames);
  return compareLogs((await d.getAttribute('id'))!, columns, python.rows, pageRows ?? (await log(d)));
}

const cases: { path: string; demo: string; query: Record<string, string | number>; steps: number }[] = [
  { path: '02-gradient-descent', demo: 'quadratic-descent', query: { loss: 'mse', schedule: 'cosine' }, steps: 80 },
  { path: '02-gradient-descent', demo: 'quadratic-descent', query: { schedule: 'step', clear: 0 }, steps: 120 },
  { path: '04-sums-of-relus', demo: 'double-relu', query: { clear: 0, loss: 'mse', lr: 0.002 }, steps: 40 },
  { path: '04-sums-of-relus', demo: 'relu-surface', query: { target: 'saddle', units: 5 }, steps: 60 },
  { path: '05-a-hidden-layer-by-hand', demo: 'sine-by-hand', query: { batches: 'sequential', hidden: 8 }, steps: 60 },
  { path: '05-a-hidden-layer-by-hand', demo: 'sine-epochs', query: { batch: 32, momentum: 0.5, hidden: 20 }, steps: 4 },
  { path: '06-torch-nn-modules', demo: 'thermo-mlp', query: { hidden: 6, named: 1, seed: 5 }, steps: 300 },
  { path: '07-activation-functions', demo: 'activation-race', query: { hidden: 4, seed: 3 }, steps: 100 },
  { path: '08-training-faster', demo: 'optimizer-race', query: { hidden: 8, batch: 100, horizon: 50 }, steps: 80 },
];

for (const c of cases) {
  const settings = Object.entries(c.query).map(([k, v]) => `${k}=${v}`);
  test(`${c.demo} at ${settings.join(', ')}: the exported notebook prints the page's log (CPU backend, ${c.steps} steps)`, async ({ page }) => {
    const query = new URLSearchParams([...Object.entries(c.query), ['backend', 'cpu']].map(([k, v]) => [`${c.demo}.${k}`, String(v)]));
    await page.goto(`/chapters/${c.path}/?${query}`);
    const d = await readyDemo(page, c.demo, 'cpu');
    await runTo(d, c.steps);
    const compared = await expectSameLog(page, d);
    expect(compared[0]).toBe(0);
    expect(compared.at(-1)).toBe(c.steps);
  });
}

test('a drawn target and kinks dragged mid-run: the notebook replays both and prints the page’s log', async ({ page }) => {
  const drawn = Array.from({ length: 41 }, (_, i) => (Math.abs(i - 20) < 8 ? 1.5 : -0.5));
  await page.goto(
    `/chapters/04-sums-of-relus/?relu-fitter.target=drawn&relu-fitter.drawn=${drawn.join(',')}&relu-fitter.units=6&relu-fitter.backend=cpu`,
  );
  const d = await readyDemo(page, 'relu-fitter', 'cpu');
  await runTo(d, 30);
  await d.getByRole('button', { name: 'Draw a target' }).focus();
  const second = d.getByRole('slider', { name: 'Unit 2 of 6: kink' });
  await d.getByRole('slider', { name: 'Unit 1 of 6: kink' }).focus();
  await page.keyboard.press('PageDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(d).toHaveAttribute('data-edited-loss', /\d/);
  await runTo(d, 60);
  const compared = await expectSameLog(page, d);
  expect(compared).toContain(31);
  expect(compared.at(-1)).toBe(60);
});

test('the notebook file: a Jupyter notebook that names the page with these settings and runs as the script does', async ({ page }) => {
  // Writing it loads the recipes, not the experiments or tfjs (they stay in the worker).
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto('/chapters/04-sums-of-relus/?double-relu.clear=0&double-relu.backend=cpu');
  const d = await readyDemo(page, 'double-relu', 'cpu');
  await runTo(d, 20);
  const nb = JSON.parse(await exported(page, d, 'ipynb')) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
  expect(nb.nbformat).toBe(4);
  const [intro, ...rest] = nb.cells;
  expect(intro!.cell_type).toBe('markdown');
  expect(intro!.source.join('')).toContain('double-relu.clear=0');
  const code = rest.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
  expect(code.join('\n')).toContain('clear = False');
  const python = runPython(code.join('\n\n'));
  expect(compareLogs('double-relu', ['m1', 'b1', 'm2', 'b2'], python.rows, await log(d))).toHaveLength(21);
  expect(scripts.filter((s) => /\/demos\.[\w-]+\.js$/.test(s))).toHaveLength(1);
  expect(scripts.filter((s) => /\/(tf|registry)\.[\w-]+\.js$/.test(s))).toEqual([]);
});

for (const [path, id, values] of [
  ['01-functions', 'quadratic-by-hand', { a: 3, b: 1, c: 1 }],
  ['03-the-relu', 'relu-2', { m1: 5, b1: 0, m2: -3, b2: 0.5 }],
] as const) {
  test(`set by hand (${id}): the notebook gives the loss where the sliders stand`, async ({ page }) => {
    const query = Object.entries({ ...values, backend: 'cpu' }).map(([k, v]) => `${id}.${k}=${v}`);
    await page.goto(`/chapters/${path}/?${query.join('&')}`);
    const d = await readyDemo(page, id, 'cpu');
    // A hand demo's log holds every try; the latest is where the sliders stand.
    const latest = (await log(d)).at(-1)!;
    expect(latest.columns).toEqual(Object.values(values));
    expect(await expectSameLog(page, d, [{ ...latest, step: 0 }])).toEqual([0]);
  });
}

test('without JavaScript the links hold the chapter’s notebook, served from notebooks/', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/chapters/05-a-hidden-layer-by-hand/');
  const link = page.locator('nn-fit-demo#sine-epochs a[data-role="notebook"][data-format="py"]');
  const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(response.ok()).toBe(true);
  expect(await response.text()).toContain('momentum = 0.9');
  await context.close();
});
