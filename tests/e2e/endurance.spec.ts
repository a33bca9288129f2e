import { expect, test } from '@playwright/test';
import { demo, readyDemo, runTo } from './demo';

const PAGE = '/chapters/04-sums-of-relus/';

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
  // 200 actions took 290 s on a quiet 2-core machine (a restart on WebAssembly is the slow one); a loaded machine takes up to three times that.
  test.setTimeout(900_000);
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
    // An enabled button is clicked, however long a loaded machine takes to deliver the click (it was 2 s and failed in CI).
    const press = async (name: string) => {
      const button = d.getByRole('button', { name, exact: true });
      if (await button.isEnabled()) await button.click({ timeout: 30_000 });
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
