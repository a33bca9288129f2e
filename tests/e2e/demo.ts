import { expect, test, type Locator, type Page } from '@playwright/test';

/** A demo element on the page, by id. */
export function demo(page: Page, id: string): Locator {
  return page.locator(`:is(nn-fit-demo, nn-playground)#${id}`);
}

/** Scrolls the demo into view and waits until its worker is ready on the expected backend. */
export async function readyDemo(page: Page, id: string, backend: 'webgl' | 'wasm' | 'cpu' = 'webgl'): Promise<Locator> {
  const d = demo(page, id);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  // Fails loudly if WebGL silently fell back: the tests would be testing the wrong thing.
  await expect(d).toHaveAttribute('data-backend', backend);
  return d;
}

export interface Row {
  step: number;
  loss: number;
  columns: number[];
}

/** The demo's step log since its last reset (every row up to step 5000; a longer run keeps first, thinned and latest rows). */
export function log(d: Locator): Promise<Row[]> {
  return d.evaluate((el) => (el as HTMLElement & { log: Row[] }).log.map((r) => ({ ...r })));
}

/** Tells the page its tab is hidden or visible again (as switching tabs does). */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Trains the demo to `step` through its public API (what a claim's check button does). */
export async function runTo(d: Locator, step: number): Promise<void> {
  await d.evaluate((el, s) => (el as HTMLElement & { runTo(n: number): Promise<unknown> }).runTo(s), step);
}

/**
 * Takes WebGL away from the page AND from workers (addInitScript doesn't reach a worker,
 * so the worker's script is served with the same stub in front).
 */
export async function withoutWebGL(page: Page): Promise<void> {
  const stub = `for (const C of [self.HTMLCanvasElement, self.OffscreenCanvas]) {
    if (!C) continue;
    const original = C.prototype.getContext;
    Object.defineProperty(C.prototype, 'getContext', {
      value(id, ...rest) { return String(id).includes('webgl') ? null : original.call(this, id, ...rest); },
    });
  }\n`;
  await page.addInitScript(stub);
  await page.route('**/_astro/worker*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: stub + (await response.text()) });
  });
}

/**
 * How much slower than the cost measured at its start a long run may get before its test
 * gives up: a loaded 2-core machine (the other test worker starting a WebGL run beside
 * this one) slows a run down about threefold.
 */
const SPREAD = 4;

/**
 * Wall-clock milliseconds per step of the demo's run as it stands, measured over `n` more
 * steps of it (reads and drawing included). 0 where the run can't go on (it diverged).
 */
export async function stepCost(d: Locator, n = 20): Promise<number> {
  return d.evaluate(async (el, n) => {
    const demo = el as HTMLElement & { runTo(s: number): Promise<unknown>; log: Row[] };
    const from = demo.log.at(-1)?.step ?? 0;
    const t0 = performance.now();
    try {
      await demo.runTo(from + n);
    } catch {
      return 0;
    }
    return (performance.now() - t0) / n;
  }, n);
}

/**
 * Gives the running test time for `steps` more steps at `msPerStep` (from {@link stepCost}),
 * SPREAD times over, and half a minute besides: a test's limit follows from its work, so a
 * slow machine takes longer but does not fail.
 */
export function allowSteps(steps: number, msPerStep: number): void {
  const info = test.info();
  info.setTimeout(info.timeout + steps * msPerStep * SPREAD + 30_000);
}

/** Every demo element: the chapters' <nn-fit-demo> and the playground's <nn-playground>. */
export const DEMOS = ':is(nn-fit-demo, nn-playground)';
