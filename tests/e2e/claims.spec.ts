import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { allowSteps, demo, readyDemo, stepCost, type Row } from './demo';
import { builtPages } from './site';

/** Pages whose built HTML contains claims, with the demos those claims name. */
const pagesWithClaims = builtPages()
  .map((path) => {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    const demos = [...html.matchAll(/<nn-claim[^>]*data-demo="([^"]+)"/g)].map((m) => m[1]!);
    return { path, demos: [...new Set(demos)] };
  })
  .filter((p) => p.demos.length > 0);

/**
 * Software WebGL (all CI has) trains the small models 10 times slower than the CPU backend, so every
 * number a claim states is judged in full on the CPU. On WebGL, every run a claim needs is
 * compared with the CPU's, step for step, for its first SAME_STEPS steps, and the claims up
 * to JUDGED_STEPS are judged there as well.
 */
const SAME_STEPS = 50;
const JUDGED_STEPS = 200;

type Settings = Record<string, unknown>;

/** A claim as its element declares it (`i`: its index among the page's claims). */
interface ClaimSpec {
  i: number;
  demo: string;
  step?: number;
  settings?: Settings;
  than?: { demo?: string; settings?: Settings; step?: number };
}

/** One run a claim needs: a demo at the chapter's settings with `settings` changed, to step `to` (none for a hand demo). */
interface RunSpec {
  demo: string;
  settings: Settings;
  to?: number;
}

async function claimSpecs(page: Page): Promise<ClaimSpec[]> {
  const specs = await page.locator('nn-claim').evaluateAll((cs) =>
    cs.map((c, i) => {
      const { demo, step, settings, than } = (c as HTMLElement).dataset;
      return {
        i,
        demo: demo!,
        ...(step ? { step: Number(step) } : {}),
        ...(settings ? { settings: JSON.parse(settings) as Record<string, unknown> } : {}),
        ...(than ? { than: JSON.parse(than) as Record<string, unknown> } : {}),
      };
    }),
  );
  // Claims at the chapter's settings in step order (one run serves them all), then claims about
  // other settings; a ratio claim runs another run first, so it goes with those.
  const rank = (c: ClaimSpec) => (c.settings || c.than ? 2e9 : 0) + (c.step ?? 1e9);
  return (specs as ClaimSpec[]).sort((a, b) => rank(a) - rank(b) || a.i - b.i);
}

/** Every distinct run the claims need, each to the furthest step asked of it, capped at `cap`. */
function runsOf(claims: readonly ClaimSpec[], cap: number): RunSpec[] {
  const runs = new Map<string, RunSpec>();
  const add = (demo: string, settings: Settings, step: number | undefined) => {
    const key = `${demo} ${JSON.stringify(settings)}`;
    const to = step === undefined ? undefined : Math.min(cap, Math.max(step, runs.get(key)?.to ?? 0));
    runs.set(key, { demo, settings, ...(to === undefined ? {} : { to }) });
  };
  for (const c of claims) {
    add(c.demo, c.settings ?? {}, c.step);
    if (c.than) add(c.than.demo ?? c.demo, c.than.settings ?? {}, c.than.step ?? c.step);
  }
  return [...runs.values()];
}

/** Runs `run` as a claim does (from the seeded start of its settings) and returns its log up to its step (a hand demo: the try). */
async function logOf(page: Page, run: RunSpec): Promise<{ rows: Row[]; stopped: string | null }> {
  return demo(page, run.demo).evaluate(
    async (el, { settings, to }) => {
      const d = el as HTMLElement & { runWith(s: unknown, step?: number): Promise<Row>; log: Row[] };
      let stopped: string | null = null;
      let row: Row | null = null;
      try {
        row = await d.runWith(settings, to);
      } catch (err) {
        stopped = err instanceof Error ? err.message : String(err);
      }
      const rows = to === undefined ? (row ? [row] : []) : d.log.filter((r) => r.step <= to);
      return { rows: rows.map((r) => ({ ...r, columns: [...r.columns] })), stopped };
    },
    { settings: run.settings, to: run.to },
  );
}

/** Checks the claim and, unless it holds, says which claim, where, and what it observed. */
async function judge(page: Page, path: string, backend: string, c: ClaimSpec): Promise<string | null> {
  const claim = page.locator('nn-claim').nth(c.i);
  await claim.evaluate((el) => (el as HTMLElement & { check(): Promise<void> }).check());
  await expect(claim).toHaveAttribute('data-state', /^(holds|fails)$/, { timeout: 60_000 });
  if ((await claim.getAttribute('data-state')) === 'holds') return null;
  const context = await claim.evaluate((el) => el.parentElement?.innerText?.replace(/\s+/g, ' ').trim() ?? '');
  return (
    `${path} (${backend}): claim "${await claim.locator('.if-claim__text').textContent()}" ` +
    `for demo ${c.demo} at ${c.settings ? JSON.stringify(c.settings) : `step ${c.step}`} ` +
    `observed ${await claim.getAttribute('data-observed')}; in: "${context.slice(0, 160)}"`
  );
}

/**
 * Where two logs of the same run part, or null: every value within 0.1 %. The backends add
 * in different orders, so their float32 roundings differ; over SAME_STEPS steps that stays
 * far below 0.1 %, while a different computation (a wrong kernel, a missed update) is off by
 * far more at once. Later, stiff runs (fifty units, a race at a high rate) amplify the
 * rounding: they drift 0.2 % apart by step 140, and an unstable one 1.3 % by step 61.
 */
function firstDifference(cpu: readonly Row[], webgl: readonly Row[]): string | null {
  if (cpu.length !== webgl.length) return `the CPU logged ${cpu.length} rows, WebGL ${webgl.length}`;
  for (const [k, c] of cpu.entries()) {
    const w = webgl[k]!;
    const close = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-5 + 1e-3 * Math.abs(b);
    const values = [c.loss, ...c.columns];
    const others = [w.loss, ...w.columns];
    const j = values.findIndex((v, n) => !close(others[n]!, v));
    if (j >= 0) return `step ${c.step}, ${j === 0 ? 'loss' : `column ${j - 1}`}: CPU ${values[j]}, WebGL ${others[j]}`;
  }
  return null;
}

test('claims exist to check (the build has at least one page with claims)', () => {
  expect(pagesWithClaims.length).toBeGreaterThan(0);
});

for (const { path, demos } of pagesWithClaims) {
  const cpuQuery = new URLSearchParams(demos.map((id) => [`${id}.backend`, 'cpu']));

  test(`every claim on ${path} holds on cpu`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${path}?${cpuQuery}`);
    for (const id of demos) await readyDemo(page, id, 'cpu');
    const claims = await claimSpecs(page);
    expect(claims.length).toBeGreaterThan(0);
    // Each run's time limit follows from its steps at the step cost measured on this machine now.
    const cost = new Map<string, number>();
    const costOf = async (id: string) => cost.get(id) ?? cost.set(id, await stepCost(demo(page, id))).get(id)!;
    const failures: string[] = [];
    for (const c of claims) {
      if (c.step) allowSteps(c.step, await costOf(c.demo));
      if (c.than) allowSteps(c.than.step ?? c.step ?? 0, await costOf(c.than.demo ?? c.demo));
      const failure = await judge(page, path, 'cpu', c);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  test(`on webgl, every claim's run on ${path} is the CPU's for ${SAME_STEPS} steps, and its claims up to step ${JUDGED_STEPS} hold`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`${path}?${cpuQuery}`);
    for (const id of demos) await readyDemo(page, id, 'cpu');
    const claims = await claimSpecs(page);
    const runs = runsOf(claims, SAME_STEPS);
    const reference = [];
    for (const run of runs) reference.push(await logOf(page, run));

    await page.goto(path);
    for (const id of demos) await readyDemo(page, id, 'webgl');
    const cost = new Map<string, number>();
    const differences: string[] = [];
    for (const [k, run] of runs.entries()) {
      if (run.to) {
        if (!cost.has(run.demo)) cost.set(run.demo, await stepCost(demo(page, run.demo)));
        allowSteps(run.to, cost.get(run.demo)!);
      }
      const cpu = reference[k]!;
      const webgl = await logOf(page, run);
      const where = `${run.demo} at ${JSON.stringify(run.settings)}${run.to ? ` to step ${run.to}` : ''}`;
      expect(cpu.rows.length, `the CPU ran ${where}`).toBeGreaterThan(0);
      const difference = cpu.stopped === webgl.stopped ? firstDifference(cpu.rows, webgl.rows) : `CPU: ${cpu.stopped}; WebGL: ${webgl.stopped}`;
      if (difference) differences.push(`${path}: ${where}: ${difference}`);
    }
    expect(differences).toEqual([]);

    // The claims up to JUDGED_STEPS are judged on WebGL as well (their runs' time allowed as on the CPU).
    const within = claims.filter((c) => (c.step ?? 0) <= JUDGED_STEPS && (c.than?.step ?? c.step ?? 0) <= JUDGED_STEPS);
    const failures: string[] = [];
    for (const c of within) {
      if (c.step) allowSteps(c.step + (c.than ? (c.than.step ?? c.step) : 0), cost.get(c.demo) ?? (await stepCost(demo(page, c.demo))));
      // A claim at the chapter's settings needs the demo back at them (the runs above left it elsewhere).
      if (!c.settings && !c.than) await logOf(page, { demo: c.demo, settings: {}, ...(c.step !== undefined ? { to: Math.max(c.step, 1) } : {}) });
      const failure = await judge(page, path, 'webgl', c);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });
}

test('a claim whose demo runs with other settings says so instead of judging', async ({ page }) => {
  await page.goto('/chapters/04-sums-of-relus/?double-relu.lr=0.5');
  await readyDemo(page, 'double-relu');
  const claim = page.locator('nn-claim[data-demo="double-relu"]').first();
  await claim.getByRole('button', { name: /^Check:/ }).click();
  await expect(claim).toHaveAttribute('data-state', 'other-settings');
});

test('comparison claims judge what the prose compares: the lowest of a race, and a ratio to another run (and fail with both values)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/chapters/08-training-faster/?optimizer-race.backend=cpu');
  await readyDemo(page, 'optimizer-race', 'cpu');
  const lowest = page.locator('nn-claim[data-lowest="true"]');
  const ratio = page.locator('nn-claim[data-than]');
  await expect(lowest).toHaveCount(1);
  await expect(ratio).toHaveCount(1);
  // As written: momentum is the lowest of the five at step 1000, and the mini-batch run within twice Adam's loss.
  for (const claim of [lowest, ratio]) {
    await claim.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: 120_000 });
  }
  const observedRatio = Number(await ratio.getAttribute('data-observed'));
  const rows = await page
    .locator('nn-fit-demo#optimizer-race')
    .evaluate((el) => (el as HTMLElement & { rowAt(s: number): { columns: number[] } }).rowAt(1000)!.columns);
  expect(observedRatio).toBeCloseTo(rows[3]! / rows[2]!, 5);
  // The same claims made false: Adam is not the lowest; the ratio is not below 1.2.
  await lowest.evaluate((c) => ((c as HTMLElement).dataset.metric = 'Adam'));
  await lowest.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
  await expect(lowest).toHaveAttribute('data-state', 'fails');
  await expect(lowest).toContainText('but SGD + momentum is at');
  await ratio.evaluate((c) => ((c as HTMLElement).dataset.below = '1.2'));
  await ratio.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
  await expect(ratio).toHaveAttribute('data-state', 'fails');
  await expect(ratio).toContainText(/times the other run's/);
});
