import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, readyDemo, runTo } from './demo';

const PAGE = '/chapters/04-sums-of-relus/';

/** Frames the page painted in `ms`, counted with requestAnimationFrame, as frames per second. */
function frameRate(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = (t: number) => {
          frames++;
          if (t - t0 < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (t - t0));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

test('a 100,000-step run on the CPU: heap and DOM stay flat, the page keeps 50 frames/s', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`${PAGE}?double-relu.backend=cpu`);
  const d = await readyDemo(page, 'double-relu', 'cpu');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const domSize = () => page.evaluate(() => document.getElementsByTagName('*').length);
  const stepOf = async () => Number(await d.getAttribute('data-step'));
  await d.getByRole('button', { name: 'Play' }).click();
  await expect.poll(stepOf, { timeout: 60_000 }).toBeGreaterThan(10_000);
  const early = { heap: await heap(), dom: await domSize(), fps: await frameRate(page, 3_000) };
  await expect.poll(stepOf, { timeout: 240_000, intervals: [2_000] }).toBeGreaterThan(100_000);
  const late = { heap: await heap(), dom: await domSize(), fps: await frameRate(page, 3_000) };
  await d.getByRole('button', { name: 'Pause' }).click();
  const rows = await d.evaluate((el) => (el as HTMLElement & { log: { step: number }[] }).log.length);
  test.info().annotations.push({ type: 'measured', description: JSON.stringify({ early, late, rows }) });
  // Unbounded, the log alone grows by ~10 MB over these 90,000 steps.
  expect(late.heap - early.heap).toBeLessThan(1_500_000);
  expect(Math.abs(late.dom - early.dom)).toBeLessThanOrEqual(10);
  expect(rows).toBeLessThanOrEqual(7_001);
  expect(early.fps).toBeGreaterThanOrEqual(50);
  expect(late.fps).toBeGreaterThanOrEqual(50);
  // The loss chart still spans the whole run: its x domain and its description reach the last step.
  const chart = d.locator('[data-role="loss-chart"] svg');
  const domain = JSON.parse((await chart.getAttribute('data-domain'))!) as { x: [number, number] };
  expect(domain.x[1]).toBeGreaterThan(100_000);
  await expect(chart).toHaveAttribute('aria-description', new RegExp(`^Loss from step 0 .* to step ${await d.getAttribute('data-step')} `));
});

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Demo = HTMLElement & { runWith(s: object, step: number): Promise<{ loss: number }>; runTo(step: number): Promise<{ loss: number }> };

test('200 random control actions on two demos, then the run is a fresh run: same loss at step 50, no error, no leak', async ({ page, context }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const ids = ['double-relu', 'relu-fitter'];
  await page.goto(`${PAGE}?${ids.map((id) => `${id}.backend=cpu`).join('&')}`);
  for (const id of ids) await readyDemo(page, id, 'cpu');
  const rand = random(20261202);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const actions: string[] = [];
  for (let i = 0; i < 200; i++) {
    const id = pick(ids);
    const d = demo(page, id);
    const action = pick(['step', 'play', 'reset', 'lr', 'seed', 'backend', 'wait'] as const);
    actions.push(`${id}:${action}`);
    // Buttons are disabled while a run (re)starts: a reader's click then does nothing, and so does this one.
    const press = async (name: string) => {
      const button = d.getByRole('button', { name, exact: true });
      if (await button.isEnabled()) await button.click({ timeout: 2_000 });
    };
    switch (action) {
      case 'step':
        await press('Step');
        break;
      case 'play':
        await press((await d.getAttribute('data-state')) === 'running' ? 'Pause' : 'Play');
        break;
      case 'reset':
        await press('Reset');
        break;
      case 'lr': {
        const field = d.getByLabel('Learning rate', { exact: true });
        await field.fill(String(Number((10 ** (-3 + 2.5 * rand())).toPrecision(2))));
        await field.press('Enter');
        break;
      }
      case 'seed': {
        const field = d.getByLabel(/seed$/);
        await field.fill(String(Math.floor(rand() * 5)));
        await field.press('Enter');
        break;
      }
      case 'backend':
        await d.getByLabel('Backend').selectOption(pick(['cpu', 'wasm']));
        break;
      case 'wait':
        break;
    }
    await page.waitForTimeout(Math.floor(rand() * 150));
  }
  test.info().annotations.push({ type: 'actions', description: actions.join(' ') });
  for (const id of ids) {
    const d = demo(page, id);
    // The chapter's settings, on whichever backend the hammering left: 50 steps from the seeded start.
    const backend = await d.getByLabel('Backend').inputValue();
    const after = await d.evaluate((el) => (el as Demo).runWith({}, 50).then((r) => r.loss));
    await expect(d).toHaveAttribute('data-backend', backend);
    const tensors = await d.getAttribute('data-tensors');
    const fresh = await context.newPage();
    await fresh.goto(`${PAGE}?${id}.backend=${backend}`);
    const f = await readyDemo(fresh, id, backend as 'cpu' | 'wasm');
    await runTo(f, 50);
    expect(after, `${id} on ${backend} after: ${actions.join(' ')}`).toBe(Number(await f.getAttribute('data-loss')));
    expect(tensors).toBe(await f.getAttribute('data-tensors'));
    await fresh.close();
  }
  expect(errors).toEqual([]);
});
