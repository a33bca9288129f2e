import { describe, expect, it } from 'vitest';
import { RandomState } from '../../../src/data';
import { countParameters, Linear, tf } from '../../../src/nn';
import { defaults, parseSetting, TrainingRun, type Progress } from '../../../src/train';
import { buildMlp, playground, playgroundSettings, type PlaygroundSettings } from '../../../src/train/playground';
import { DATASETS, type DatasetName } from '../../../src/train/playground-spec';
import { layersOf } from '../../../src/train/text-formats';
import { expectNoLeaks } from '../helpers';

expectNoLeaks();

const settings = (o: Partial<PlaygroundSettings> = {}): PlaygroundSettings => ({ ...defaults(playgroundSettings), ...o });

async function train(s: PlaygroundSettings, steps: number) {
  const run = new TrainingRun(playground, s);
  const start = await run.start();
  const seen: Progress[] = [];
  const end = await run.run(
    steps,
    (p) => seen.push(p),
    () => true,
  );
  return { run, start, seen, end, rows: [...start.rows, ...seen.flatMap((p) => p.rows)] };
}

describe('buildMlp', () => {
  it('stacks Linear and activation per hidden layer, then Linear(…, 1), named as torch numbers them', () => {
    const model = buildMlp(3, layersOf('8:tanh,4:relu'), new RandomState(0));
    expect(Object.keys(model.children())).toEqual(['0', '1', '2', '3', '4']);
    expect(model.namedParameters().map(([name, p]) => `${name} ${p.shape.join('×')}`)).toEqual([
      '0.weight 8×3',
      '0.bias 8',
      '2.weight 4×8',
      '2.bias 4',
      '4.weight 1×4',
      '4.bias 1',
    ]);
    expect(countParameters(model)).toBe(8 * 3 + 8 + 4 * 8 + 4 + 4 + 1);
    model.dispose();
  });

  it('draws the layers’ initial values from one RandomState, in order (as a notebook replays them)', () => {
    const model = buildMlp(2, layersOf('3:relu'), new RandomState(5));
    const rng = new RandomState(5);
    const first = new Linear(2, 3, { generator: rng });
    const second = new Linear(3, 1, { generator: rng });
    const got = model.parameters().map((p) => Array.from(p.value.dataSync()));
    const want = [first, second].flatMap((l) => l.parameters().map((p) => Array.from(p.value.dataSync())));
    expect(got).toEqual(want);
    [model, first, second].forEach((m) => m.dispose());
  });

  it('with no hidden layer, is one Linear: logistic or linear regression', () => {
    const model = buildMlp(2, [], new RandomState(0));
    expect(Object.keys(model.children())).toEqual(['0']);
    model.dispose();
  });
});

describe('the playground experiment', () => {
  // Each set with settings that suit it; the factor is about twice the measured ratio of the train loss at step 300 to step 0 (CPU).
  const cases: [DatasetName, Partial<PlaygroundSettings>, number][] = [
    ['circle', { x1sq: true, x2sq: true }, 0.003],
    ['xor', { x1x2: true }, 0.004],
    ['gauss', {}, 0.004],
    ['spiral', { layers: '16:tanh,16:tanh', optimizer: 'adam', lr: 0.01, sin1: true, sin2: true }, 0.4],
    ['q1', { loss: 'mse', layers: '8:tanh', optimizer: 'adam', lr: 0.05 }, 0.04],
    ['q2', { loss: 'mse', layers: '8:tanh', optimizer: 'adam', lr: 0.05 }, 0.01],
    ['sine', { loss: 'mse', layers: '16:tanh', optimizer: 'adam', lr: 0.05 }, 0.005],
    ['thermo', { loss: 'mse', layers: '4:tanh', optimizer: 'adam', lr: 0.05 }, 0.03],
    ['surface', { loss: 'mse', layers: '16:relu', optimizer: 'adam', lr: 0.02 }, 0.02],
    [
      'drawn',
      { loss: 'mse', layers: '8:relu', optimizer: 'adam', lr: 0.02, drawn: Array.from({ length: 41 }, (_, i) => (i < 20 ? '1' : '-1')).join(',') },
      0.15,
    ],
    ['csv', { loss: 'mse', layers: '8:tanh', optimizer: 'adam', lr: 0.05, csv: '0,1\n1,3\n2,5\n3,7\n4,9\n5,11' }, 1e-4],
  ];

  it('covers every dataset', () => {
    expect(cases.map(([d]) => d).sort()).toEqual(Object.keys(DATASETS).sort());
  });

  it.each(cases.map(([data, o, factor]) => ({ data, o, factor })))(
    '$data trains: after 300 steps the train loss is under $factor × its start',
    async ({ data, o, factor }) => {
      const { run, rows, end } = await train(settings({ data, ...o }), 300);
      expect(end).toEqual({ kind: 'done' });
      expect(rows).toHaveLength(301);
      expect(rows.at(-1)!.loss, `${data}: ${rows[0]!.loss} → ${rows.at(-1)!.loss}`).toBeLessThan(factor * rows[0]!.loss);
      run.dispose();
    },
  );

  it('logs test loss and both accuracies for two classes; the accuracies are fractions of the rows', async () => {
    const { run, start, rows } = await train(settings({ data: 'circle', x1sq: true, x2sq: true, points: 100 }), 200);
    expect(run.experiment.columnNames).toEqual(['test loss', 'train accuracy', 'test accuracy']);
    // 50 train and 50 test rows: each accuracy is a multiple of 1/50.
    for (const r of rows) for (const a of r.columns.slice(1)) expect(Math.abs(a * 50 - Math.round(a * 50))).toBeLessThan(1e-4);
    expect(rows.at(-1)!.columns[2]).toBeGreaterThan(0.9);
    expect(start.curves![0]!.every((p) => p >= 0 && p <= 1)).toBe(true);
    run.dispose();
  });

  it('sends every parameter and every hidden unit’s output over the grid', async () => {
    const { run, start } = await train(settings({ layers: '3:relu,2:tanh' }), 0);
    // 2 inputs → 3 → 2 → 1: 9 + 8 + 3 weights and biases.
    expect(start.weights).toHaveLength(2 * 3 + 3 + 3 * 2 + 2 + 2 + 1);
    // The prediction, then 3 + 2 units, each over the 25 × 25 lattice.
    expect(start.curves!.map((c) => c.length)).toEqual(Array(6).fill(625));
    run.dispose();
  });

  it('keeps its tensor count from step 1 to step 301, and frees everything when disposed', async () => {
    const before = tf.memory().numTensors;
    const run = new TrainingRun(playground, settings({ layers: '8:relu,8:relu,8:relu', optimizer: 'adam', schedule: 'cosine' }));
    await run.start();
    const counts: number[] = [];
    await run.run(
      1,
      (p) => counts.push(p.numTensors),
      () => true,
    );
    await run.run(
      300,
      (p) => counts.push(p.numTensors),
      () => true,
    );
    expect(new Set(counts).size).toBe(1);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses cross-entropy on real-valued targets, and a plane with no feature on, saying what to change', () => {
    expect(() => playground.create(settings({ data: 'q1', loss: 'bce' }))).toThrow('Binary cross-entropy needs labels 0 and 1');
    expect(() => playground.create(settings({ x1: false, x2: false }))).toThrow('No input feature is on');
    expect(() => playground.create(settings({ data: 'csv', loss: 'mse' }))).toThrow('No CSV yet');
  });
});

describe('the layer list and CSV settings', () => {
  const layers = playgroundSettings.layers;
  const csv = playgroundSettings.csv;

  it('writes a layer list canonically and refuses what it cannot build, saying why', () => {
    expect(parseSetting(layers, ' 8 : TANH , 4')).toEqual({ value: '8:tanh,4:relu' });
    expect(parseSetting(layers, '')).toEqual({ value: '' });
    expect(parseSetting(layers, '65:relu')).toEqual({ error: 'Hidden layers: layer 1 has 65 units; each layer has 1 to 64' });
    expect(parseSetting(layers, '4:swish')).toEqual({ error: expect.stringContaining('layer 1: "swish" is not one of relu, leaky') });
    expect(parseSetting(layers, Array(9).fill('2').join(','))).toEqual({ error: 'Hidden layers: has 9 layers; at most 8' });
    expect(parseSetting(layers, '4;tanh')).toEqual({ error: 'Hidden layers: layer 1 ("4;tanh") is not units:activation, like 8:tanh' });
  });

  it('reads a pasted CSV with or without a header, and refuses a malformed one row by row', () => {
    expect(parseSetting(csv, 'x1,x2,label\n0,0,0\n1,1,1\n2,2,1\n3; 3; 0\n')).toEqual({ value: '0,0,0\n1,1,1\n2,2,1\n3,3,0' });
    expect(parseSetting(csv, '1 2\n3 4\n5 6\n7 8')).toEqual({ value: '1,2\n3,4\n5,6\n7,8' });
    expect(parseSetting(csv, '1,2\n3,4')).toEqual({ error: 'Your CSV: has 2 rows of numbers; paste at least 4' });
    expect(parseSetting(csv, '1,2\n3,4\n5,x\n7,8')).toEqual({ error: 'Your CSV: row 3: "x" is not a number' });
    expect(parseSetting(csv, '1,2,0\n3,4,1\n5,6,2\n7,8,0')).toEqual({ error: 'Your CSV: row 3: the label is "2"; labels are 0 or 1' });
    expect(parseSetting(csv, '1,2,0\n3,4,0\n5,6,0\n7,8,0')).toEqual({
      error: 'Your CSV: has one label only; a classifier needs rows of both 0 and 1',
    });
    expect(parseSetting(csv, '1,2\n3,4,5\n5,6\n7,8')).toEqual({ error: 'Your CSV: row 2 has 3 values, the first row 2' });
  });
});
