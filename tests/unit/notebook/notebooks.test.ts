import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notebookFor } from '../../../src/notebook/defaults';
import { NOTEBOOK_DEMOS, notebookDemo } from '../../../src/notebook/demos';
import { tf } from '../../../src/nn';
import type { UnitEdit } from '../../../src/train/experiment';
import { experimentById } from '../../../src/train/registry';
import { defaults, type Settings } from '../../../src/train/settings';
import { compareLogs, runPython, type LogRow } from './compare';

type Edits = { step: number; edit: UnitEdit }[];

/** The site's run in Node (tfjs's CPU backend, the browser's CPU backend's code): every row up to `steps`, kinks moved after their steps. */
function siteLog(experiment: string, settings: Settings, steps: number, edits: Edits = []): LogRow[] {
  const e = experimentById(experiment).create(settings);
  const read = (t: { loss: tf.Scalar; columns: tf.Tensor1D }, step: number): LogRow => {
    const row = { step, loss: t.loss.dataSync()[0]!, columns: Array.from(t.columns.dataSync()) };
    tf.dispose([t.loss, t.columns]);
    return row;
  };
  const rows = [read(e.evaluate(), 0)];
  for (let step = 1; step <= steps; step++) {
    for (const { edit } of edits.filter((x) => x.step === step - 1)) e.edit!(edit);
    rows.push(read(e.step(), step));
  }
  e.dispose();
  return rows;
}

/**
 * Runs the notebook of `demo` and checks every row it prints against the site's run (at the
 * chapter's settings, up to the step where the recipe says the run turns chaotic); returns the steps compared.
 */
function check(demo: string, changes: Settings = {}, steps?: number, edits: Edits = []): number[] {
  const d = notebookDemo(demo);
  const settings = { ...defaults(experimentById(d.experiment).settings), ...changes };
  const n = steps ?? d.recipe.steps;
  const until = steps === undefined ? Math.min(n, d.recipe.exactUntil ?? n) : n;
  const nb = notebookFor(demo, { settings: changes, steps: n, edits });
  const printed = runPython(nb.python).rows;
  // The notebook ran to its last step, and said where it parts from the page if it does.
  expect(printed.at(-1)?.step).toBe(n);
  expect(nb.cells[0]!.source.includes(`agree to about step ${until}`)).toBe(until < n);
  const site = siteLog(d.experiment, settings, until, edits);
  const compared = compareLogs(demo, d.recipe.columns(settings), printed, site);
  // Every row printed up to there (step 0, one in a hundredth of the run, the last) was compared.
  expect(compared).toEqual(printed.filter((r) => r.step <= until).map((r) => r.step));
  expect(compared.at(-1)).toBe(until);
  return compared;
}

it('every demo in the chapters has a notebook, under its own id and experiment', () => {
  const dir = 'content/chapters';
  const onPages = readdirSync(dir).flatMap((f) =>
    [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/<FitDemo id="([^"]+)" experiment="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`),
  );
  expect(onPages.length).toBeGreaterThan(10);
  expect(NOTEBOOK_DEMOS.map((d) => `${d.demo} ${d.experiment}`).sort()).toEqual(onPages.sort());
});

describe('every build-time notebook prints the site’s step log (PyTorch against the CPU backend)', () => {
  for (const d of NOTEBOOK_DEMOS) {
    it(`${d.demo}, ${d.recipe.steps} steps at the chapter's settings`, { timeout: 600_000 }, () => {
      check(d.demo);
    });
  }
});

describe('notebooks of settings a reader changed print the site’s log too', () => {
  const cases: [string, Settings, number, Edits?][] = [
    ['relu-2', { m1: 1, b1: 0, m2: -1.5, b2: 0.5 }, 0],
    ['quadratic-descent', { loss: 'mse', lr: 0.05, schedule: 'step' }, 120],
    ['double-relu', { clear: false }, 60],
    [
      'relu-fitter',
      { target: 'abs', units: 3, seed: 7 },
      150,
      [
        { step: 0, edit: { unit: 1, kink: 0.5 } },
        { step: 40, edit: { unit: 0, slope: 2 } },
      ],
    ],
    ['relu-fitter', { target: 'drawn', drawn: Array.from({ length: 41 }, (_, i) => ((i % 10) - 5) / 3).join(',') }, 100],
    ['sine-by-hand', { activation: 'none', lr: 0.003 }, 100],
    ['sine-by-hand', { batches: 'window', init: 'normal', loss: 'half', seed: 1234 }, 150],
    ['sine-epochs', { batch: 128, momentum: 0, lr: 0.05 }, 6],
    ['thermo-linear', { lr: 0.005, seed: 9 }, 400],
    ['thermo-mlp', { named: true, hidden: 6 }, 400],
    ['thermo-custom', { hidden: 9, seed: 3 }, 400],
    ['relu-interpolant', { pieces: 13, target: 'quadratic' }, 0],
    ['relu-interpolant', { pieces: 1, target: 'step' }, 0],
    ['activation-race', { lr: 0.05, hidden: 5 }, 150],
    ['optimizer-race', { lr: 0.02, batch: 32, horizon: 100, hidden: 8 }, 150],
  ];
  for (const [demo, settings, steps, edits] of cases) {
    const shown = Object.entries(settings).map(([k, v]) => `${k} ${k === 'drawn' ? '(41 points)' : v}`);
    it(`${demo} at ${shown.join(', ')}${edits ? ', with kinks moved' : ''}: ${steps} steps`, { timeout: 600_000 }, () => {
      check(demo, settings, steps, edits);
    });
  }
});
