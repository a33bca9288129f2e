import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaults, TrainingRun } from '../../../src/train';
import { playground, playgroundSettings, type PlaygroundSettings } from '../../../src/train/playground';
import { playgroundPyTorch, playgroundTypeScript } from '../../../src/train/playground-code';
import { compareLogs, runPython, type LogRow } from '../notebook/compare';

const STEPS = 30;
const settings = (o: Partial<PlaygroundSettings>): PlaygroundSettings => ({ ...defaults(playgroundSettings), ...o });

/** Settings that between them use every dataset kind, loss, optimizer, schedule and a feature of each sort. */
const CASES: Record<string, Partial<PlaygroundSettings>> = {
  'circle, defaults': {},
  'spiral, sin features, Adam, cosine schedule': {
    data: 'spiral',
    sin1: true,
    sin2: true,
    x1x2: true,
    layers: '6:relu,3:elu',
    optimizer: 'adam',
    lr: 0.01,
    schedule: 'cosine',
    batch: 7,
  },
  'xor, squares, momentum, weight decay, step schedule, MSE': {
    data: 'xor',
    x1sq: true,
    loss: 'mse',
    momentum: 0.9,
    weightDecay: 0.01,
    schedule: 'step',
    noise: 0.5,
  },
  'Q1, MAE, no hidden layer': { data: 'q1', loss: 'mae', layers: '', lr: 0.1, batch: 4 },
  'thermometer, exponential schedule': { data: 'thermo', loss: 'mse', layers: '3:sigmoid', schedule: 'exp', lr: 0.01 },
  'the surface, x₁·x₂ only': { data: 'surface', loss: 'mse', x1: false, x2: false, x1x2: true, layers: '5:gelu', optimizer: 'adam', lr: 0.01 },
  'a pasted CSV of two classes': { data: 'csv', csv: '0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n0.2,0.9,0', layers: '4:tanh', batch: 3 },
};

/** The experiment's own log: row k holds the losses at the parameters step k starts from. */
async function siteLog(s: PlaygroundSettings): Promise<LogRow[]> {
  const run = new TrainingRun(playground, s);
  const start = await run.start();
  const rows: LogRow[] = [...start.rows];
  await run.run(
    STEPS,
    (p) => rows.push(...p.rows),
    () => true,
  );
  run.dispose();
  return rows.map((r) => ({ step: r.step, loss: r.loss, columns: [r.columns[0]!] }));
}

const dir = join(import.meta.dirname, '.generated');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the playground’s code', () => {
  it.each(Object.entries(CASES))('TypeScript, %s: running it prints the page’s log', async (name, o) => {
    const s = settings(o);
    const code = playgroundTypeScript(s, STEPS);
    expect(code).toContain("from './src/nn'");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name.replace(/\W+/g, '-')}.ts`);
    // The code's imports are from the repository's root; this file sits four folders down.
    writeFileSync(file, code.replaceAll("from './src/", "from '../../../../src/"));
    const printed: LogRow[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((step: number, loss: number, test: number) => printed.push({ step, loss, columns: [test] }));
    await import(/* @vite-ignore */ file);
    log.mockRestore();
    expect(printed.map((r) => r.step)).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
    const compared = compareLogs(name, ['test loss'], printed, await siteLog(s), { atol: 1e-6, rtol: 1e-6 });
    expect(compared).toHaveLength(STEPS);
  });

  it.each(Object.entries(CASES))('PyTorch, %s: Python prints the page’s log', async (name, o) => {
    const s = settings(o);
    const { rows } = runPython(playgroundPyTorch(s, STEPS));
    expect(compareLogs(name, ['test loss'], rows, await siteLog(s))).toHaveLength(STEPS);
  });
});
