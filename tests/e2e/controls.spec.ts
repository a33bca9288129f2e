import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { demo, log, readyDemo, setVisibility } from './demo';
import { builtPages } from './site';

/**
 * Every control of every training demo on the CPU backend (what readers without a GPU
 * get, and where read-backs resolve at once), three of them on WebGL, the double ReLU on
 * WebAssembly too. Each test plays, pauses, resets mid-run, hides the tab and switches the
 * backend.
 */
const trainingDemos = builtPages().flatMap((path) => {
  const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
  return [...html.matchAll(/<nn-(?:fit-demo|playground) id="([^"]+)"[^>]*data-mode="train"/g)].map((m) => ({ path, id: m[1]! }));
});

type Backend = 'webgl' | 'wasm' | 'cpu';
const step = async (d: Locator) => Number(await d.getAttribute('data-step'));

/** Play, and wait until the run has really moved. */
async function play(d: Locator): Promise<void> {
  const from = await step(d);
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'running');
  await expect.poll(() => step(d), { timeout: 30_000 }).toBeGreaterThan(from);
}

test('the suite covers every training demo', () => {
  expect(trainingDemos.map((t) => t.id).sort()).toEqual(
    [
      'activation-race',
      'double-relu',
      'optimizer-race',
      'playground',
      'quadratic-descent',
      'relu-fitter',
      'relu-surface',
      'sine-by-hand',
      'sine-epochs',
      'thermo-custom',
      'thermo-linear',
      'thermo-mlp',
    ].sort(),
  );
});

/**
 * Every demo on the CPU; on WebGL, three demos of different shapes (what WebGL changes is
 * the read-back, shared by all: README, "Which demos the control tests cover").
 */
const ON_WEBGL = ['double-relu', 'thermo-mlp', 'optimizer-race'];
const cases: { path: string; id: string; backend: Backend; other: Backend }[] = [
  ...trainingDemos.map(({ path, id }) => ({ path, id, backend: 'cpu' as const, other: 'wasm' as const })),
  ...trainingDemos.filter(({ id }) => ON_WEBGL.includes(id)).map(({ path, id }) => ({ path, id, backend: 'webgl' as const, other: 'cpu' as const })),
  { path: '/chapters/04-sums-of-relus/', id: 'double-relu', backend: 'wasm', other: 'cpu' },
];

for (const { path, id, backend, other } of cases) {
  test(`${id} on ${backend}: pause holds, reset mid-run restores the seeded start, a hidden tab pauses, no tensor leaks`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${path}${backend === 'webgl' ? '' : `?${id}.backend=${backend}`}`);
    const d = await readyDemo(page, id, backend);
    const seededLoss = await d.getAttribute('data-loss');
    const seededTensors = await d.getAttribute('data-tensors');

    // Pause: the step stands still for 2 s.
    await play(d);
    await d.getByRole('button', { name: 'Pause' }).click();
    await expect(d).toHaveAttribute('data-state', 'paused', { timeout: 2_000 });
    const paused = await step(d);
    await page.waitForTimeout(2_000);
    expect(await step(d)).toBe(paused);

    // Reset while running: step 0, the seeded loss, the controls usable again.
    await play(d);
    await d.getByRole('button', { name: 'Reset' }).click();
    await expect(d).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await expect(d).toHaveAttribute('data-step', '0');
    await expect(d).toHaveAttribute('data-loss', seededLoss!);
    for (const name of ['Step', 'Play', 'Reset']) await expect(d.getByRole('button', { name, exact: true })).toBeEnabled();
    await page.waitForTimeout(300);
    await expect(d).toHaveAttribute('data-step', '0');

    // The tab hidden: paused, and it stays so until the tab is back.
    await play(d);
    await setVisibility(page, 'hidden');
    await expect(d).toHaveAttribute('data-state', 'paused', { timeout: 2_000 });
    const hidden = await step(d);
    await page.waitForTimeout(500);
    expect(await step(d)).toBe(hidden);
    await setVisibility(page, 'visible');
    await expect(d).toHaveAttribute('data-state', 'running');
    await d.getByRole('button', { name: 'Pause' }).click();
    await expect(d).toHaveAttribute('data-state', 'paused');
    // Every step the model took is in the log, with no gap where a pause caught a chunk in flight
    // (the log keeps every row up to step 5000 and the latest 1000; rows between are thinned).
    const gapless = async () => {
      const steps = (await log(d)).map((r) => r.step);
      const head = steps.filter((s) => s <= 5000);
      expect(head).toEqual(head.map((_, i) => i));
      const tail = steps.slice(-1000);
      expect(tail).toEqual(tail.map((_, i) => tail[0]! + i));
      expect(String(steps.at(-1))).toBe(await d.getAttribute('data-step'));
      return steps.at(-1)!;
    };
    const before = await gapless();
    await play(d);
    await d.getByRole('button', { name: 'Pause' }).click();
    await expect(d).toHaveAttribute('data-state', 'paused');
    expect(await gapless()).toBeGreaterThan(before);

    // Five resets (each after a step): the tensor count of the seeded start.
    await d.getByRole('button', { name: 'Reset' }).click();
    await expect(d).toHaveAttribute('data-step', '0');
    for (let i = 0; i < 5; i++) {
      await d.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(d).toHaveAttribute('data-step', '1');
      await d.getByRole('button', { name: 'Reset' }).click();
      await expect(d).toHaveAttribute('data-step', '0');
      await expect(d).toHaveAttribute('data-state', 'ready');
    }
    await expect(d).toHaveAttribute('data-tensors', seededTensors!);
    // A backend switch: a new run at the seeded start, as many tensors as on a fresh load.
    await d.getByLabel('Backend').selectOption(other);
    await expect(d).toHaveAttribute('data-backend', other, { timeout: 30_000 });
    await expect(d).toHaveAttribute('data-state', 'ready');
    await expect(d).toHaveAttribute('data-tensors', seededTensors!);
    // The same start; backends round float32 sums in their own order.
    expect(Math.abs(Number(await d.getAttribute('data-loss')) / Number(seededLoss) - 1)).toBeLessThan(1e-6);
  });
}

test('scrolling far away pauses a run on the CPU backend, and coming back resumes it', async ({ page }) => {
  await page.goto('/chapters/06-torch-nn-modules/?thermo-mlp.backend=cpu');
  const d = await readyDemo(page, 'thermo-mlp', 'cpu');
  await play(d);
  await page.evaluate(() => document.body.style.setProperty('padding-bottom', '400vh'));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(d).toHaveAttribute('data-state', 'paused', { timeout: 2_000 });
  const away = await step(d);
  await page.waitForTimeout(500);
  expect(await step(d)).toBe(away);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'running');
  await expect(demo(page, 'thermo-mlp')).not.toHaveAttribute('data-step', String(away));
});
