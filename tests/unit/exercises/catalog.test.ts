import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXERCISES } from '../../../src/exercises/catalog';
import { judgeRun, observe, type Observation } from '../../../src/exercises/condition';
import { defaults, EXPERIMENTS, TrainingRun, type Settings } from '../../../src/train';
import { tf } from '../../../src/nn';
import { expectNoLeaks } from '../helpers';

expectNoLeaks();

type Run = { rows: Observation[]; diverged: string | null };
/**
 * Chapter 7's races run 1,000 steps of nine networks: about a minute on a quiet 2-core machine,
 * two or three while other jobs share it. A run's test may take that long; the time is the run's.
 */
const RUN_TIMEOUT = 600_000;
const runs = new Map<string, Promise<Run>>();

/** A run of `experiment` from its seeded start with `settings`, `steps` steps long, on the CPU (shared between exercises). */
function play(experiment: string, settings: Settings, steps: number): Promise<Run> {
  const key = JSON.stringify([experiment, settings, steps]);
  if (!runs.has(key)) {
    runs.set(
      key,
      (async () => {
        const run = new TrainingRun(EXPERIMENTS[experiment]!, settings);
        const names = run.experiment.columnNames;
        const rows = [...(await run.start()).rows];
        const end =
          steps > 0
            ? await run.run(
                steps,
                (p) => rows.push(...p.rows),
                () => true,
              )
            : { kind: 'done' as const };
        run.dispose();
        return { rows: rows.map((r) => observe(r, names)), diverged: end.kind === 'diverged' ? end.message : null };
      })(),
    );
  }
  return runs.get(key)!;
}

/** How far a condition looks: its step, or the solution's run length. */
const horizon = (e: (typeof EXERCISES)[number]): number => {
  const c = e.condition;
  if (c.kind === 'number' || c.kind === 'pick') return c.step;
  if (c.kind === 'reach') return c.at ?? c.by ?? e.solution.steps ?? 0;
  return e.solution.steps ?? 0;
};

describe('every exercise: open at its chapter defaults, solved by its own solution (CPU backend)', () => {
  for (const e of EXERCISES) {
    it(
      e.id,
      async () => {
        const spec = EXPERIMENTS[e.experiment]!.settings;
        const base = defaults(spec);
        const steps = horizon(e);
        // An answer is judged on the run with the chapter's settings changed by the condition's `when`.
        const c = e.condition;
        const plainSettings: Settings = c.kind === 'number' || c.kind === 'pick' ? { ...base, ...c.when } : base;
        const plain = await play(e.experiment, plainSettings, steps);
        const solutionSettings = { ...base, ...e.solution.settings };
        // Every key of the solution is a setting of the demo, and the link changes something (or answers).
        for (const k of Object.keys(e.solution.settings)) expect(spec, `${e.id}: ${k}`).toHaveProperty(k);
        expect(Object.keys(e.solution.settings).length > 0 || e.solution.answer !== undefined).toBe(true);
        if (e.condition.kind === 'number' || e.condition.kind === 'pick') {
          expect(e.solution.settings, `${e.id}: the solution link sets what the answer is judged with`).toEqual(e.condition.when ?? {});
          // Nothing typed is not an answer; a wrong one is refused; the solution's is right.
          expect(judgeRun(e.condition, plain, plainSettings, '')).toBeNull();
          const wrong =
            e.condition.kind === 'pick' ? e.condition.among.find((a) => a !== e.solution.answer)! : String(Number(e.solution.answer) + 0.1);
          expect(judgeRun(e.condition, plain, plainSettings, wrong)?.solved).toBe(false);
          expect(judgeRun(e.condition, plain, plainSettings, e.solution.answer)?.solved).toBe(true);
          return;
        }
        expect(judgeRun(e.condition, plain, base), `${e.id} at the defaults`).toBeNull();
        const solved = await play(e.experiment, solutionSettings, e.solution.steps ?? 0);
        const verdict = judgeRun(e.condition, solved, solutionSettings);
        expect(verdict?.solved, `${e.id} with its solution`).toBe(true);
      },
      RUN_TIMEOUT,
    );
  }
});

describe("what the exercises' notes promise", () => {
  it(
    'chapter 5: without momentum, a learning rate of 0.1 diverges (hint 2 says ten times larger is too far)',
    async () => {
      const spec = EXPERIMENTS['sine-epochs']!.settings;
      expect((await play('sine-epochs', { ...defaults(spec), momentum: 0, lr: 0.1 }, 50)).diverged).not.toBeNull();
    },
    RUN_TIMEOUT,
  );

  it(
    'chapter 2: with MSE, 0.22 swings and settles, 0.24 diverges (the edge lies between)',
    async () => {
      const at = (lr: number) => play('quadratic-descent', { ...defaults(EXPERIMENTS['quadratic-descent']!.settings), loss: 'mse', lr }, 1000);
      const settles = await at(0.22);
      expect(settles.diverged).toBeNull();
      expect(settles.rows.at(-1)!.loss).toBeLessThan(7.41);
      expect((await at(0.24)).diverged).not.toBeNull();
    },
    RUN_TIMEOUT,
  );

  it(
    'three units stall above 1 from the seeded start; with three kinks dragged to where the sine turns (and one at the left edge) training gets below 0.05',
    () => {
      const def = EXPERIMENTS['relu-fitter']!;
      const train = (edits: [number, number][]) => {
        const e = def.create({ ...defaults(def.settings), units: 3 } as never);
        edits.forEach(([kink, slope], unit) => e.edit!({ unit, kink, slope }));
        let loss = Number.NaN;
        for (let k = 0; k < 1000; k++) {
          const t = e.step();
          loss = t.loss.dataSync()[0]!;
          tf.dispose([t.loss, t.columns]);
        }
        e.dispose();
        return loss;
      };
      expect(train([])).toBeGreaterThan(1);
      expect(
        train([
          [-2, -3],
          [-0.8, 6],
          [0.8, -6],
        ]),
      ).toBeLessThan(0.05);
    },
    RUN_TIMEOUT,
  );
});

/** The decimal numbers a text writes ("0.054", "−1.4194"), as written (a hyphen-minus read as U+2212). */
const decimals = (text: string): string[] => [...text.matchAll(/[−-]?\d+\.\d+/g)].map((m) => m[0].replace('-', '−'));
/** As a number: the text's minus sign is U+2212. */
const numberOf = (text: string): number => Number(text.replace('−', '-'));

/** The numbers an exercise sets itself: its solution's and condition's settings, bounds, answer and the chapter's defaults. */
function ownNumbers(e: (typeof EXERCISES)[number]): Set<number> {
  const found = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number') found.add(v);
    else if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) found.add(Number(v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(e.condition);
  walk(e.solution.settings);
  walk(e.solution.answer);
  walk(defaults(EXPERIMENTS[e.experiment]!.settings));
  return found;
}

describe("every number a hint or a solution note states is the exercise's own, a setting it names, or a reading checked here", () => {
  for (const e of EXERCISES) {
    it(
      e.id,
      async () => {
        const own = ownNumbers(e);
        const read = new Set((e.readings ?? []).map((r) => r.text));
        const plain = new Set(e.plain ?? []);
        const stated = [...e.hints, e.solution.note].flatMap(decimals);
        const unaccounted = stated.filter((n) => !own.has(numberOf(n)) && !read.has(n) && !plain.has(n));
        expect(unaccounted, `${e.id}: numbers with nothing behind them`).toEqual([]);
        // No stale entries: each reading and plain number is in the text.
        for (const n of [...read, ...plain]) expect(stated, `${e.id} lists ${n}`).toContain(n);
        const base = defaults(EXPERIMENTS[e.experiment]!.settings);
        for (const r of e.readings ?? []) {
          const settings = r.of === 'solution' ? { ...base, ...e.solution.settings } : { ...base, ...r.of };
          const run = await play(e.experiment, settings, r.step);
          const row = run.rows.find((o) => o.step === r.step)!;
          expect(row, `${e.id}: step ${r.step} of the run for ${r.text}`).toBeDefined();
          const metric = r.metric ?? 'loss';
          const value = metric === 'loss' ? row.loss : row.columns[metric]!;
          // The text's number is the value rounded to the places it writes.
          const places = r.text.split('.')[1]!.length;
          expect(value.toFixed(places).replace('-', '−'), `${e.id}: ${metric} at step ${r.step}`).toBe(r.text);
        }
      },
      RUN_TIMEOUT,
    );
  }
});

describe('the catalog and the chapters agree', () => {
  it('ids are unique, and every exercise appears once in its chapter, in catalog order', () => {
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    const chapters = [...new Set(EXERCISES.map((e) => e.chapter))];
    expect(chapters).toHaveLength(8);
    for (const chapter of chapters) {
      const mdx = readFileSync(new URL(`../../../content/chapters/${chapter}.mdx`, import.meta.url), 'utf8');
      const onPage = [...mdx.matchAll(/<Exercise id="([^"]+)"/g)].map((m) => m[1]);
      const listed = EXERCISES.filter((e) => e.chapter === chapter);
      expect(onPage, chapter).toEqual(listed.map((e) => e.id));
      expect(listed.length, chapter).toBeGreaterThanOrEqual(2);
      expect(listed.length, chapter).toBeLessThanOrEqual(4);
      for (const e of listed) expect(mdx, `${e.id}'s demo`).toContain(`<FitDemo id="${e.demo}" experiment="${e.experiment}"`);
    }
  });
});
