/**
 * npm run bench: measures the demo runtime in headless Chromium against two baselines run
 * side by side in the same browser (tfjs-layers' model.fit, the tfjs user's idiom, and a
 * naive loop of one step per frame), counts kernels per step for every demo, and writes
 * bench-results/bench.json. Needs a fresh build in dist/ (the npm script builds first).
 * Numbers are ratios and counts; no test asserts on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.ts';
import { isSearchUi, isWorker } from '../tests/e2e/script-kinds.ts';
import { startPreview } from './preview-server.ts';
import { firstStep, longTasksPerDemo, mainThread, printReaderResults, type FirstStep, type LongTasks } from './bench/reader.ts';

const SITE_PORT = 4331;
const NAIVE_PORT = 4332;
const PAGE = `http://localhost:${SITE_PORT}/chapters/04-sums-of-relus/`;
const STEPS = 1000;
const NAIVE_STEPS = 240;
const BASELINES = `http://localhost:${NAIVE_PORT}`;

/** The models compared: the double ReLU (chapter 4) and chapter 6's 13-unit MLP, each the page's demo against the same model in tfjs-layers. */
const MODELS = [
  { id: 'double-relu', page: '/chapters/04-sums-of-relus/', steps: STEPS },
  { id: 'thermo-mlp', page: '/chapters/06-torch-nn-modules/', steps: STEPS },
] as const;

type Demo = HTMLElement & { runTo(n: number): Promise<unknown>; log: unknown[] };

async function readyDemo(page: Page, backend: string, id = 'double-relu'): Promise<void> {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.state === 'ready', id, { timeout: 60_000 });
  const got = await page.locator(`#${id}`).getAttribute('data-backend');
  if (got !== backend) throw new Error(`the demo runs on ${got}, not ${backend}`);
}

/** Steps per second of the runtime (worker, chunked read-backs) on demo `id` of `path`, after a warm-up. */
async function runtimeSpeed(page: Page, backend: string, id: string, path: string, steps: number) {
  await page.goto(`http://localhost:${SITE_PORT}${path}?${id}.backend=${backend}`);
  await readyDemo(page, backend, id);
  return page.evaluate(
    async ([i, n]) => {
      const demo = document.getElementById(i) as Demo;
      await demo.runTo(50);
      const t0 = performance.now();
      await demo.runTo(50 + n);
      return { stepsPerSecond: n / ((performance.now() - t0) / 1000), tensors: Number(demo.dataset.tensors) };
    },
    [id, steps] as const,
  );
}

/** tfjs-layers' model.fit on the main thread (scripts/bench/layers.ts): steps/s, then the main thread while it fits. */
async function layersBaseline(page: Page, backend: string, model: string, steps: number) {
  await page.goto(`${BASELINES}/layers.html`);
  await page.waitForFunction(() => document.title === 'layers ready');
  const fit = await page.evaluate(
    async ([m, n, b]) => {
      const api = (window as unknown as { layers: { run(m: string, n: number, b: string): Promise<{ backend: string; stepsPerSecond: number }> } })
        .layers;
      await api.run(m, 20, b);
      return api.run(m, n, b);
    },
    [model, steps, backend] as const,
  );
  if (fit.backend !== backend) throw new Error(`the layers baseline ran on ${fit.backend}, not ${backend}`);
  const main = await mainThread(page, `window.layers.run('${model}', ${steps}, '${backend}')`);
  return { stepsPerSecond: fit.stepsPerSecond, longestTaskMs: main.longestTaskMs, fps: main.fps };
}

/** The runtime against both baselines on each backend: steps per second, the longest main-thread task, frames per second. */
async function compareBackends(page: Page): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const backend of ['webgl', 'cpu'] as const) {
    const perModel: Record<string, Record<string, number>> = {};
    for (const m of MODELS) {
      console.log(`${m.id} on ${backend}: the runtime, then tfjs-layers…`);
      const runtime = await runtimeSpeed(page, backend, m.id, m.page, m.steps);
      await page.waitForFunction((i) => document.getElementById(i)?.dataset.drawnStep !== undefined, m.id);
      const runtimeMain = await mainThread(page, `document.getElementById('${m.id}').runTo(1e9).catch(() => {})`);
      const layers = await layersBaseline(page, backend, m.id, m.steps);
      perModel[m.id] = {
        runtimeStepsPerSecond: runtime.stepsPerSecond,
        layersStepsPerSecond: layers.stepsPerSecond,
        speedupOverLayers: runtime.stepsPerSecond / layers.stepsPerSecond,
        runtimeLongestTaskMs: runtimeMain.longestTaskMs,
        runtimeFps: runtimeMain.fps,
        layersLongestTaskMs: layers.longestTaskMs,
        layersFps: layers.fps,
      };
    }
    console.log(`the naive loop on ${backend}…`);
    await page.goto(`${BASELINES}/naive.html`);
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
      ...perModel,
      naive: {
        stepsPerSecond: naive.stepsPerSecond,
        speedupOverNaive: perModel['double-relu']!.runtimeStepsPerSecond! / naive.stepsPerSecond,
        longestTaskMs: naiveMain.longestTaskMs,
        fps: naiveMain.fps,
      },
    };
  }
  return results;
}

/** Kernels per step of every demo (counted on each backend), and the measured cost of one kernel there. */
async function kernelCounts(page: Page): Promise<Record<string, unknown>> {
  console.log('Kernels per step…');
  const out: Record<string, unknown> = {};
  for (const backend of ['webgl', 'cpu'] as const) {
    await page.goto(`${BASELINES}/layers.html`);
    await page.waitForFunction(() => 'kernels' in window);
    out[backend] = await page.evaluate(async (b) => {
      type Api = { perStep(b: string): Promise<unknown>; kernelCost(b: string): Promise<number>; biasGradient(b: string): Promise<unknown> };
      const api = (window as unknown as { kernels: Api }).kernels;
      return { perStep: await api.perStep(b), msPerKernel: await api.kernelCost(b), biasGradientMsPerStep: await api.biasGradient(b) };
    }, backend);
  }
  return out;
}

/** The tensor count after 1 and 1001 steps; from the demo in view to its first step, three times each way. */
async function stepsAndTensors(browser: Browser, page: Page) {
  console.log('Tensor count and time to first step…');
  await page.goto(PAGE);
  await readyDemo(page, 'webgl');
  await page.evaluate(() => (document.querySelector('#double-relu') as Demo).runTo(1));
  const tensorsAfter1 = Number(await page.locator('#double-relu').getAttribute('data-tensors'));
  await page.evaluate((n) => (document.querySelector('#double-relu') as Demo).runTo(n), STEPS + 1);
  const tensorsAfter1000 = Number(await page.locator('#double-relu').getAttribute('data-tensors'));
  const firstSteps = [];
  for (let i = 0; i < 3; i++) firstSteps.push(await firstStep(browser, PAGE, 'double-relu'));
  return { tensorsAfter1, tensorsAfter1000, firstSteps };
}

/**
 * JavaScript the chapter ships before any demo loads, Starlight's search UI (loaded when the page
 * first goes idle, whichever count that falls in), and what the demo loads lazily (gzip bytes).
 */
async function jsShipped(browser: Browser): Promise<{ beforeDemo: number; searchUi: number; lazy: { url: string; gzip: number }[] }> {
  console.log('JavaScript shipped…');
  const small = await browser.newPage({ viewport: { width: 1280, height: 400 } });
  const js: { url: string; gzip: number }[] = [];
  const search: typeof js = [];
  small.on('response', async (r) => {
    const type = r.request().resourceType();
    if (type === 'script' || r.url().endsWith('.js')) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const file = { url: r.url(), gzip: gzipSync(body).length };
      (isSearchUi(file) ? search : js).push(file);
    }
  });
  await small.goto(PAGE);
  await small.waitForLoadState('networkidle');
  // The worker warmed while the page is idle is the runtime's, fetched by the worker itself: lazy, not the page's.
  const warmed = js.filter(isWorker);
  const beforeDemo = js
    .splice(0)
    .filter((f) => !isWorker(f))
    .reduce((s, f) => s + f.gzip, 0);
  await readyDemo(small, 'webgl');
  await small.waitForLoadState('networkidle');
  for (let waited = 0; search.length === 0 && waited < 10_000; waited += 100) await small.waitForTimeout(100);
  const searchUi = search.reduce((s, f) => s + f.gzip, 0);
  return { beforeDemo, searchUi, lazy: [...warmed, ...js.splice(0)] };
}

function printResults(results: Record<string, unknown>): void {
  const f = (v: number, d = 1) => v.toFixed(d);
  const at = (backend: string, key: string) => (results[backend] as Record<string, Record<string, number>>)[key]!;
  for (const m of MODELS) {
    const both = (key: string, d = 1) => ({ webgl: f(at('webgl', m.id)[key]!, d), cpu: f(at('cpu', m.id)[key]!, d) });
    console.log(`\n${m.id}: the runtime (worker, chunked) against tfjs-layers' model.fit on the main thread`);
    console.table({
      'steps/s: runtime': both('runtimeStepsPerSecond'),
      'steps/s: tfjs-layers model.fit': both('layersStepsPerSecond'),
      'speed-up over model.fit': both('speedupOverLayers', 2),
      'longest main-thread task, runtime (ms, target < 50)': both('runtimeLongestTaskMs'),
      'longest main-thread task, model.fit (ms)': both('layersLongestTaskMs'),
      'frames/s while training, runtime': both('runtimeFps'),
      'frames/s while training, model.fit': both('layersFps'),
    });
  }
  const naive = (key: string, d = 1) => ({ webgl: f(at('webgl', 'naive')[key]!, d), cpu: f(at('cpu', 'naive')[key]!, d) });
  console.log('\ndouble-relu against the naive loop (one step and one synchronous read per frame)');
  console.table({
    'steps/s: naive loop': naive('stepsPerSecond'),
    'speed-up over the naive loop': naive('speedupOverNaive', 2),
    'longest main-thread task, naive loop (ms)': naive('longestTaskMs'),
  });
  type Counts = {
    perStep: Record<string, { kernels: number; dataMoving: number }>;
    msPerKernel: number;
    biasGradientMsPerStep: { tfjsAdd: number; addBias: number };
  };
  const kernels = results.kernels as Record<'webgl' | 'cpu', Counts>;
  console.log("\nOne training step of the races' model (1024 points, 32 units), biases added by tfjs's add or the library's addBias (ms)");
  console.table(
    Object.fromEntries(
      (['webgl', 'cpu'] as const).map((b) => {
        const m = kernels[b].biasGradientMsPerStep;
        return [b, { "tfjs's add": f(m.tfjsAdd, 3), addBias: f(m.addBias, 3), 'speed-up': f(m.tfjsAdd / m.addBias, 2) }];
      }),
    ),
  );
  const measured = (id: string) => (MODELS.some((m) => m.id === id) ? at('webgl', id).runtimeStepsPerSecond : undefined);
  console.log(
    `\nKernels per step; one small kernel costs ${f(kernels.webgl.msPerKernel, 3)} ms on WebGL, ${f(kernels.cpu.msPerKernel, 4)} ms on the CPU`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(kernels.webgl.perStep).map(([id, k]) => {
        const sps = measured(id);
        const floor = sps === undefined ? '' : f((sps * k.dataMoving * kernels.webgl.msPerKernel) / 1000, 2);
        return [id, { kernels: k.kernels, 'that move data': k.dataMoving, 'steps/s × kernels × cost on WebGL (1 = the floor)': floor }];
      }),
    ),
  );
  printReaderResults(results.longTasks as LongTasks, results.firstStepMs as FirstStep[]);
  console.table({
    'tensors after 1 step / after 1001': { value: `${results.tensorsAfter1Step} / ${results.tensorsAfter1001Steps}` },
    'JS before any demo loads (gzip KB)': { value: f((results.jsBeforeDemoGzipBytes as number) / 1024) },
    "Starlight's search UI, loaded when idle (gzip KB)": { value: f((results.jsSearchUiGzipBytes as number) / 1024) },
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
    build: { outDir, emptyOutDir: true, rollupOptions: { input: ['scripts/bench/naive.html', 'scripts/bench/layers.html'] } },
  });
  const naiveServer = await preview({ root: 'scripts/bench', logLevel: 'warn', build: { outDir }, preview: { port: NAIVE_PORT, strictPort: true } });
  const site = await startPreview(SITE_PORT);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const results = await compareBackends(page);
    results.kernels = await kernelCounts(page);
    results.longTasks = await longTasksPerDemo(page, `http://localhost:${SITE_PORT}`);
    const { tensorsAfter1, tensorsAfter1000, firstSteps } = await stepsAndTensors(browser, page);
    const { beforeDemo, searchUi, lazy } = await jsShipped(browser);
    Object.assign(results, {
      firstStepMs: firstSteps,
      tensorsAfter1Step: tensorsAfter1,
      tensorsAfter1001Steps: tensorsAfter1000,
      jsBeforeDemoGzipBytes: beforeDemo,
      jsSearchUiGzipBytes: searchUi,
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
