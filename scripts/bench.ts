/**
 * npm run bench: measures the demo runtime in headless Chromium against a naive baseline
 * run side by side in the same browser, and writes bench-results/bench.json.
 * Needs a fresh build in dist/ (the npm script builds first). Numbers are ratios and
 * counts; no test asserts on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.ts';
import { startPreview } from './preview-server.ts';

const SITE_PORT = 4331;
const NAIVE_PORT = 4332;
const PAGE = `http://localhost:${SITE_PORT}/chapters/04-sums-of-relus/`;
const STEPS = 1000;
const NAIVE_STEPS = 240;

type Demo = HTMLElement & { runTo(n: number): Promise<unknown>; log: unknown[] };

async function readyDemo(page: Page, backend: string): Promise<void> {
  await page.locator('#double-relu').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#double-relu')?.dataset.state === 'ready', null, { timeout: 60_000 });
  const got = await page.locator('#double-relu').getAttribute('data-backend');
  if (got !== backend) throw new Error(`the demo runs on ${got}, not ${backend}`);
}

/** Steps per second of the runtime (worker, chunked read-backs), after a warm-up. */
async function runtimeSpeed(page: Page, backend: string) {
  await page.goto(`${PAGE}?double-relu.backend=${backend}`);
  await readyDemo(page, backend);
  return page.evaluate(async (steps) => {
    const demo = document.querySelector('#double-relu') as Demo;
    await demo.runTo(50);
    const t0 = performance.now();
    await demo.runTo(50 + steps);
    return { stepsPerSecond: steps / ((performance.now() - t0) / 1000), tensors: Number(demo.dataset.tensors) };
  }, STEPS);
}

/** Longest main-thread task and frame rate over 3 s of some activity started by `start`. */
async function mainThread(page: Page, start: string) {
  return page.evaluate(async (startCode) => {
    const longest = { ms: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
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
    await new Promise((r) => setTimeout(r, 3000));
    on = false;
    observer.disconnect();
    return { longestTaskMs: longest.ms, fps: frames / 3 };
  }, start);
}

/** The runtime against the baseline on each backend: steps per second, the longest main-thread task, frames per second. */
async function compareBackends(page: Page): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const backend of ['webgl', 'cpu'] as const) {
    console.log(`Runtime vs baseline on ${backend}…`);
    const runtime = await runtimeSpeed(page, backend);
    const runtimeMain = await mainThread(page, "document.querySelector('#double-relu').runTo(1e9).catch(() => {})");
    await page.goto(`http://localhost:${NAIVE_PORT}/naive.html`);
    await page.waitForFunction(() => document.title === 'naive ready');
    const naive = await page.evaluate(
      async ([steps, b]) => {
        const api = (window as unknown as { naive: { run(n: number, b: string): Promise<{ backend: string; stepsPerSecond: number }> } }).naive;
        await api.run(20, b);
        return api.run(steps, b);
      },
      [NAIVE_STEPS, backend] as const,
    );
    if (naive.backend !== backend) throw new Error(`the baseline ran on ${naive.backend}, not ${backend}`);
    const naiveMain = await mainThread(page, `window.naive.run(400, '${backend}')`);
    results[backend] = {
      runtimeStepsPerSecond: runtime.stepsPerSecond,
      baselineStepsPerSecond: naive.stepsPerSecond,
      speedup: runtime.stepsPerSecond / naive.stepsPerSecond,
      runtimeLongestTaskMs: runtimeMain.longestTaskMs,
      runtimeFps: runtimeMain.fps,
      baselineLongestTaskMs: naiveMain.longestTaskMs,
      baselineFps: naiveMain.fps,
    };
  }
  return results;
}

/** From the viewport to the first trained step, and the tensor count after 1 and 1001 steps. */
async function firstStep(page: Page): Promise<{ firstStepMs: number; tensorsAfter1: number; tensorsAfter1000: number }> {
  console.log('Tensor count and time to first step…');
  await page.goto(PAGE);
  const t0 = Date.now();
  await readyDemo(page, 'webgl');
  await page.locator('#double-relu button[data-action="step"]').click();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#double-relu')?.dataset.step === '1');
  const firstStepMs = Date.now() - t0;
  const tensorsAfter1 = Number(await page.locator('#double-relu').getAttribute('data-tensors'));
  await page.evaluate((n) => (document.querySelector('#double-relu') as Demo).runTo(n), STEPS + 1);
  const tensorsAfter1000 = Number(await page.locator('#double-relu').getAttribute('data-tensors'));
  return { firstStepMs, tensorsAfter1, tensorsAfter1000 };
}

/** JavaScript the chapter ships before any demo loads, and what the demo loads lazily (gzip bytes). */
async function jsShipped(browser: Browser): Promise<{ beforeDemo: number; lazy: { url: string; gzip: number }[] }> {
  console.log('JavaScript shipped…');
  const small = await browser.newPage({ viewport: { width: 1280, height: 400 } });
  const js: { url: string; gzip: number }[] = [];
  small.on('response', async (r) => {
    const type = r.request().resourceType();
    if (type === 'script' || r.url().endsWith('.js')) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      js.push({ url: r.url(), gzip: gzipSync(body).length });
    }
  });
  await small.goto(PAGE);
  await small.waitForLoadState('networkidle');
  const beforeDemo = js.splice(0).reduce((s, f) => s + f.gzip, 0);
  await readyDemo(small, 'webgl');
  await small.waitForLoadState('networkidle');
  return { beforeDemo, lazy: js.splice(0) };
}

function printResults(results: Record<string, unknown>): void {
  const r = (k: 'webgl' | 'cpu') => results[k] as Record<string, number>;
  const f = (v: number, d = 1) => v.toFixed(d);
  const both = (key: string, d = 1) => ({ webgl: f(r('webgl')[key]!, d), cpu: f(r('cpu')[key]!, d) });
  console.table({
    'steps/s: runtime (worker, chunked)': both('runtimeStepsPerSecond'),
    'steps/s: baseline (1 step + sync read per frame)': both('baselineStepsPerSecond'),
    'speed-up (target >= 4 on WebGL)': both('speedup', 2),
    'longest main-thread task, runtime (ms, target < 50)': both('runtimeLongestTaskMs'),
    'longest main-thread task, baseline (ms)': both('baselineLongestTaskMs'),
    'frames/s while training, runtime': both('runtimeFps'),
    'frames/s while training, baseline': both('baselineFps'),
  });
  console.table({
    'viewport to first trained step (ms)': { value: results.timeToFirstStepMs },
    'tensors after 1 step / after 1001': { value: `${results.tensorsAfter1Step} / ${results.tensorsAfter1001Steps}` },
    'JS before any demo loads (gzip KB)': { value: f((results.jsBeforeDemoGzipBytes as number) / 1024) },
    'JS the demo loads lazily (gzip KB)': { value: f((results.jsLazyDemoGzipBytes as number) / 1024) },
  });
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  console.log('Building the baseline page…');
  const outDir = '../../bench-results/naive';
  await build({
    root: 'scripts/bench',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: 'scripts/bench/naive.html' } },
  });
  const naiveServer = await preview({ root: 'scripts/bench', logLevel: 'warn', build: { outDir }, preview: { port: NAIVE_PORT, strictPort: true } });
  const site = await startPreview(SITE_PORT);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const results = await compareBackends(page);
    const { firstStepMs, tensorsAfter1, tensorsAfter1000 } = await firstStep(page);
    const { beforeDemo, lazy } = await jsShipped(browser);
    Object.assign(results, {
      timeToFirstStepMs: firstStepMs,
      tensorsAfter1Step: tensorsAfter1,
      tensorsAfter1001Steps: tensorsAfter1000,
      jsBeforeDemoGzipBytes: beforeDemo,
      jsLazyDemoGzipBytes: lazy.reduce((s, f) => s + f.gzip, 0),
      lazyFiles: lazy.map((f) => ({ file: new URL(f.url).pathname, gzip: f.gzip })),
      browser: browser.version(),
      date: new Date().toISOString(),
    });
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
    printResults(results);
    console.log('Written to bench-results/bench.json');
    if (tensorsAfter1 !== tensorsAfter1000) throw new Error('tensor count changed over 1000 steps: a leak');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => naiveServer.httpServer.close(() => resolve()));
    site.stop();
  }
}

await main();
