import { expect, type Locator, type Page } from '@playwright/test';

/** A demo element on the page, by id. */
export function demo(page: Page, id: string): Locator {
  return page.locator(`nn-fit-demo#${id}`);
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
