/**
 * What a reader feels, measured in the built site (Node side of `npm run bench`):
 * - the longest main-thread task, and how many pass 50 ms, while each demo trains;
 * - from a demo coming into view to its first trained step, for a reader who arrives
 *   normally (reads the top of the page, then scrolls to the demo and presses Step at once)
 *   and for one who follows a link straight to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

/** Every demo that trains (not those fitted by hand), with its page: read from the built site. */
export function trainingDemos(dist = 'dist'): { id: string; path: string }[] {
  const demos: { id: string; path: string }[] = [];
  for (const chapter of readdirSync(`${dist}/chapters`).sort()) {
    const html = readFileSync(`${dist}/chapters/${chapter}/index.html`, 'utf8');
    for (const m of html.matchAll(/<nn-(?:fit-demo|playground) id="([a-z0-9-]+)"([^>]*)>/g)) {
      if (!m[2]!.includes('data-mode="hand"')) demos.push({ id: m[1]!, path: `/chapters/${chapter}/` });
    }
  }
  return demos;
}

/** The main thread over `seconds` while `start` (code) runs: the longest task, tasks over 50 ms, frames per second. */
export async function mainThread(page: Page, start: string, seconds = 3) {
  return page.evaluate(
    async ([startCode, s]) => {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      let frames = 0;
      let on = true;
      const count = () => {
        frames++;
        if (on) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      // The bench passes which activity to start, as code.
      void new Function(startCode)();
      await new Promise((r) => setTimeout(r, s * 1000));
      on = false;
      observer.disconnect();
      return { longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.filter((t) => t > 50).length, fps: frames / s };
    },
    [start, seconds] as const,
  );
}

/** Opens demo `id` on `backend` as a reader who scrolled to it: ready, its live charts drawn, the fonts in. */
export async function openDemo(page: Page, origin: string, path: string, id: string, backend: string): Promise<void> {
  await page.goto(`${origin}${path}?${id}.backend=${backend}`);
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.state === 'ready', id, { timeout: 60_000 });
  const got = await page.locator(`#${id}`).getAttribute('data-backend');
  if (got !== backend) throw new Error(`${id} runs on ${got}, not ${backend}`);
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.drawnStep === '0', id, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  // The charts after the fit (loss, landscape, network) draw in the frames that follow: let them, as a reader's page has.
  await page.waitForTimeout(500);
}

export type LongTasks = Record<string, Record<'webgl' | 'cpu', { longestTaskMs: number; tasksOver50: number; fps: number; steps: number }>>;
export type FirstStep = { normalMs: number; linkMs: number };

/** The longest task while each training demo trains for 3 s, on each backend. */
export async function longTasksPerDemo(page: Page, origin: string): Promise<LongTasks> {
  const out: Record<string, Record<string, LongTasks[string]['cpu']>> = {};
  for (const { id, path } of trainingDemos()) {
    for (const backend of ['webgl', 'cpu']) {
      console.log(`long tasks: ${id} on ${backend}…`);
      await openDemo(page, origin, path, id, backend);
      const main = await mainThread(page, `document.getElementById('${id}').runTo(1e9).catch(() => {})`);
      const steps = Number(await page.locator(`#${id}`).getAttribute('data-step'));
      (out[id] ??= {})[backend] = { ...main, steps };
    }
  }
  return out as LongTasks;
}

/** In the page: clicks the demo's Step as soon as it is ready, and resolves with performance.now() at step 1. */
const stepWhenReady = (id: string) =>
  new Promise<number>((resolve) => {
    const d = document.getElementById(id)!;
    const poll = setInterval(() => {
      if (d.dataset.state === 'ready' && d.dataset.step === '0') d.querySelector<HTMLButtonElement>('button[data-action="step"]')!.click();
      if (d.dataset.step === '1') {
        clearInterval(poll);
        resolve(performance.now());
      }
    }, 2);
  });

/** From the demo in view to its first step: a reader who reads the top for `readMs`, then scrolls to it; and one who follows a link to it. */
export async function firstStep(browser: Browser, url: string, id: string, readMs = 4000): Promise<FirstStep> {
  const reader = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await reader.goto(url);
  await reader.mouse.move(200, 300);
  await reader.waitForTimeout(readMs);
  const normalMs = await reader.evaluate(
    async ([i, step]) => {
      const t0 = performance.now();
      document.getElementById(i)!.scrollIntoView({ block: 'center' });
      return (await new Function(`return (${step})(${JSON.stringify(i)})`)()) - t0;
    },
    [id, stepWhenReady.toString()] as const,
  );
  await reader.close();
  const linked = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The moment the demo first shows in the viewport, recorded from the page's start.
  await linked.addInitScript((i) => {
    const w = window as unknown as { seenAt?: number };
    const watch = () => {
      const d = document.getElementById(i);
      if (!d) return requestAnimationFrame(watch);
      new IntersectionObserver((es, o) => {
        if (es.some((e) => e.isIntersecting)) {
          w.seenAt ??= performance.now();
          o.disconnect();
        }
      }).observe(d);
    };
    watch();
  }, id);
  await linked.goto(`${url}#${id}`, { waitUntil: 'commit' });
  await linked.waitForFunction((i) => document.getElementById(i), id);
  const stepAt = await linked.evaluate(async ([i, step]) => (await new Function(`return (${step})(${JSON.stringify(i)})`)()) as number, [
    id,
    stepWhenReady.toString(),
  ] as const);
  const seenAt = await linked.evaluate(() => (window as unknown as { seenAt: number }).seenAt);
  await linked.close();
  return { normalMs, linkMs: stepAt - seenAt };
}

/** The two tables of what a reader feels. */
export function printReaderResults(longTasks: LongTasks, firsts: FirstStep[]): void {
  console.log('\nWhile each demo trains for 3 s: the longest main-thread task (target < 50 ms), the tasks over 50 ms, frames/s');
  console.table(
    Object.fromEntries(
      Object.entries(longTasks).map(([id, b]) => [
        id,
        Object.fromEntries(
          (['webgl', 'cpu'] as const).flatMap((k) => [
            [`${k}: longest (ms)`, Math.round(b[k].longestTaskMs)],
            [`${k}: over 50`, b[k].tasksOver50],
            [`${k}: frames/s`, Math.round(b[k].fps)],
          ]),
        ),
      ]),
    ),
  );
  console.log('\nFrom the demo in view to its first trained step (double ReLU, WebGL), three times each (targets: 500 ms, 1,000 ms by a link)');
  console.table({
    'reader who scrolled to it (ms)': Object.fromEntries(firsts.map((f, i) => [i + 1, Math.round(f.normalMs)])),
    'reader who followed a link to it (ms)': Object.fromEntries(firsts.map((f, i) => [i + 1, Math.round(f.linkMs)])),
  });
}
