import { describe, expect, it } from 'vitest';
import { defaults, parseSetting, settingsFromQuery, settingsToQuery, TrainingRun, unknownDemoIds, type Progress } from '../../../src/train';
import { doubleRelu } from '../../../src/train/double-relu';
import { quadraticByHand, quadraticDescent } from '../../../src/train/quadratic';
import { reluFitter } from '../../../src/train/relu-fitter';
import { reluSurface } from '../../../src/train/relu-surface';
import { datasetQ1 } from '../../../src/data';
import { tf } from '../../../src/nn';
import fixture from '../../fixtures/trajectories.json';
import { expectClose } from '../helpers';

async function collect(session: TrainingRun, steps: number, maxChunk?: number) {
  const seen: Progress[] = [];
  const end = await session.run(
    steps,
    (p) => seen.push(p),
    () => true,
    maxChunk,
  );
  return { end, rows: seen.flatMap((p) => p.rows), seen };
}

describe('TrainingRun on the double ReLU', () => {
  it("reproduces chapter 4's NumPy trajectory, every step logged, read back in chunks", async () => {
    const session = new TrainingRun(doubleRelu, defaults(doubleRelu.settings));
    const start = await session.start();
    expect(start.rows.map((r) => r.step)).toEqual([0]);
    expect(start.rows[0]!.columns).toEqual([0.5, 0.5, -0.5, -0.5]);
    const { end, rows, seen } = await collect(session, 40);
    expect(end).toEqual({ kind: 'done' });
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Fewer read-backs than steps: chunks grow when steps are cheap.
    expect(seen.length).toBeLessThan(40);
    const c = fixture.chapter4.cleared;
    expectClose(
      rows.map((r) => r.loss),
      c.losses,
      1e-4,
      1e-5,
    );
    rows.forEach((r, i) => expectClose(r.columns, c.params[i]!, 1e-4, 1e-5));
    session.dispose();
  });

  it('the tensor count is the same after 1 step and after 500', async () => {
    const session = new TrainingRun(doubleRelu, defaults(doubleRelu.settings));
    await session.start();
    const first = await collect(session, 1);
    const later = await collect(session, 499);
    expect(later.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
    session.dispose();
  });

  it('a huge learning rate stops the run with a message naming it, and no non-finite row', async () => {
    const session = new TrainingRun(doubleRelu, { ...defaults(doubleRelu.settings), loss: 'mse', lr: 50 });
    await session.start();
    const { end, rows, seen } = await collect(session, 200);
    expect(end.kind).toBe('diverged');
    if (end.kind !== 'diverged') return;
    expect(end.message).toMatch(/^Training stopped at step \d+: .*The learning rate \(50\) is too large/);
    expect(rows.every((r) => Number.isFinite(r.loss) && r.columns.every(Number.isFinite))).toBe(true);
    expect(seen.every((p) => p.curves === null || p.curves.flat().every(Number.isFinite))).toBe(true);
    expect(session.diverged).toBe(true);
    session.dispose();
  });

  it('changing the learning rate mid-run applies from the next step', async () => {
    const a = new TrainingRun(doubleRelu, defaults(doubleRelu.settings));
    await a.start();
    await collect(a, 5);
    a.experiment.update({ lr: 0 });
    const frozen = await collect(a, 3);
    expect(frozen.rows[2]!.columns).toEqual(frozen.rows[0]!.columns);
    a.dispose();
  });

  it('leaves no tensor behind once disposed', async () => {
    const before = tf.memory().numTensors;
    const session = new TrainingRun(doubleRelu, defaults(doubleRelu.settings));
    await session.start();
    await collect(session, 30);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a race whose one run runs away', () => {
  it('retires that run, says so once, and trains the others on; the logged loss is their mean, and no tensor leaks', async () => {
    const { optimizerRace } = await import('../../../src/train/optimizer-race');
    const before = tf.memory().numTensors;
    const session = new TrainingRun(optimizerRace, { ...defaults(optimizerRace.settings), lr: 0.1 });
    const start = await session.start();
    const { end, rows, seen } = await collect(session, 200);
    expect(end).toEqual({ kind: 'done' });
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const retired = seen.flatMap((p) => p.retired ?? []);
    expect(retired.map((r) => r.column)).toEqual(['SGD + momentum']);
    const at = retired[0]!.step;
    expect(retired[0]!.message).toMatch(
      new RegExp(`^SGD \\+ momentum stopped at step ${at}: its loss (grew to .* over 100× its starting|became).*The other runs go on\\.$`),
    );
    // Momentum's column: finite and under 100× its start before, NaN from its step on; the others finite throughout.
    const momentum = 1;
    for (const r of rows) {
      if (r.step < at) expect(r.columns[momentum]!).toBeLessThanOrEqual(100 * start.rows[0]!.columns[momentum]!);
      else expect(r.columns[momentum]).toBeNaN();
      expect(r.columns.filter((_, j) => j !== momentum).every(Number.isFinite)).toBe(true);
      const live = r.columns.filter(Number.isFinite);
      // The mean tfjs takes in float32, to its rounding (a mean over all five, or one NaN, is far off).
      const mean = live.reduce((a, b) => a + b, 0) / live.length;
      expect(Math.abs(r.loss - mean)).toBeLessThanOrEqual(1e-6 * Math.abs(mean));
    }
    // The others went on learning.
    expect(rows.at(-1)!.columns[2]!).toBeLessThan(start.rows[0]!.columns[2]! / 10);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('settings in the URL', () => {
  const specs = doubleRelu.settings;
  it('round-trips non-default values and leaves defaults out of the link', () => {
    const s = { ...defaults(specs), lr: 0.05, clear: false, loss: 'mse' };
    const q = settingsToQuery(specs, s, new URLSearchParams('other=1'), 'dr');
    expect(q.toString()).toBe('other=1&dr.lr=0.05&dr.loss=mse&dr.clear=0');
    expect(settingsFromQuery(specs, q, 'dr')).toEqual({ settings: s, errors: [] });
  });
  it('refuses malformed and out-of-range values with a message, keeping the defaults', () => {
    const q = new URLSearchParams('dr.lr=abc&dr.seed=-3&dr.loss=huber&dr.clear=maybe&dr.speed=2');
    const { settings, errors } = settingsFromQuery(specs, q, 'dr');
    expect(settings).toEqual(defaults(specs));
    expect(errors).toEqual([
      'Learning rate: "abc" is not a number in decimal notation',
      'Data seed: -3 is outside the allowed range 0 to 4294967295',
      'Loss: "huber" is not one of mae, mse',
      'Clear gradients each step: "maybe" is not on/off (use 1 or 0)',
      '"dr.speed" is not a setting of this demo',
    ]);
  });
  it('takes decimal notation only: no hex, binary, Infinity; nothing that overflows or underflows', () => {
    const lr = specs.lr;
    for (const ok of ['0.05', '.05', '5e-2', '5E-2', '+0.05', ' 0.05 ', '1e-4']) {
      expect(parseSetting(lr, ok)).toEqual({ value: Number(ok) });
    }
    for (const bad of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '', '1e', '1.2.3', '5%']) {
      expect(parseSetting(lr, bad)).toEqual({ error: `Learning rate: ${JSON.stringify(bad)} is not a number in decimal notation` });
    }
    expect(parseSetting(lr, '1e-400')).toEqual({ error: 'Learning rate: "1e-400" is too small to be a number here (it would round to 0)' });
    expect(parseSetting(lr, '1e400')).toEqual({ error: 'Learning rate: "1e400" is too large to be a number here' });
    // Zero written as zero is a number (then the range decides).
    const seed = specs.seed;
    expect(parseSetting(seed, '0e5')).toEqual({ value: 0 });
    expect(parseSetting(seed, '0.000')).toEqual({ value: 0 });
  });
  it('refuses a key given twice, naming every value, and uses neither', () => {
    const { settings, errors } = settingsFromQuery(specs, new URLSearchParams('dr.lr=0.05&dr.lr=abc&dr.seed=3'), 'dr');
    expect(settings).toEqual({ ...defaults(specs), seed: 3 });
    expect(errors).toEqual(['Learning rate is given 2 times ("0.05", "abc"), so none of them is used']);
  });
  it('shortens what it echoes: a 100 KB setting name is quoted in 40 characters', () => {
    const name = `dr.${'x'.repeat(100_000)}`;
    const { errors } = settingsFromQuery(specs, new URLSearchParams([[name, '1']]), 'dr');
    expect(errors).toEqual([`"dr.${'x'.repeat(37)}…" is not a setting of this demo`]);
  });
  it('names demo ids the page does not have, once each, shortened, ignoring plain parameters', () => {
    const q = new URLSearchParams(`nosuchdemo.lr=5&nosuchdemo.seed=1&dr.lr=0.1&utm_source=x&${'y'.repeat(200)}.a=1`);
    expect(unknownDemoIds(q, ['dr', 'other'])).toEqual(['"nosuchdemo"', `"${'y'.repeat(40)}…"`]);
    expect(unknownDemoIds(new URLSearchParams('dr.lr=1'), ['dr'])).toEqual([]);
  });
});

describe('the quadratic experiments of chapters 1 and 2', () => {
  it('by hand: each try evaluates the loss where the sliders stand, nothing trains', async () => {
    const session = new TrainingRun(quadraticByHand, defaults(quadraticByHand.settings));
    const start = await session.start();
    expect(start.rows[0]!.columns.map((v) => Math.fround(v))).toEqual([1.1, 1.2, 1.3].map(Math.fround));
    const { x, y } = datasetQ1();
    const mae = (a: number, b: number, c: number) => x.reduce((s, xi, i) => s + Math.abs(a * xi * xi + b * xi + c - y[i]!), 0) / x.length;
    expect(start.rows[0]!.loss).toBeCloseTo(mae(1.1, 1.2, 1.3), 5);
    session.experiment.update({ a: 3, b: 4, c: 5 });
    const tried = await collect(session, 1);
    expect(tried.rows[0]!.columns).toEqual([3, 4, 5]);
    expect(tried.rows[0]!.loss).toBeCloseTo(mae(3, 4, 5), 5);
    const again = await collect(session, 2);
    expect(again.rows.map((r) => r.columns)).toEqual([
      [3, 4, 5],
      [3, 4, 5],
    ]);
    session.dispose();
  });

  for (const clear of [true, false]) {
    it(`descent (clear ${clear}): params follow NumPy, and the logged gradients are the ones the update used`, async () => {
      const c = fixture.chapter2;
      const session = new TrainingRun(quadraticDescent, { ...defaults(quadraticDescent.settings), clear });
      await session.start();
      const { rows } = await collect(session, c.steps);
      const expected = clear ? c.cleared : c.accumulated;
      rows.forEach((r, i) => {
        expectClose(r.columns.slice(0, 3), expected.params[i]!, 1e-4, 1e-5);
        const before = i === 0 ? c.start : expected.params[i - 1]!;
        // p_after = p_before − lr·g, so g = (p_before − p_after)/lr.
        const g = before.map((p, j) => (p - expected.params[i]![j]!) / c.lr);
        expectClose(r.columns.slice(3, 6), g, 1e-3, 1e-3);
        expect(r.columns[6]).toBeCloseTo(0.01, 9);
      });
      session.dispose();
    });
  }

  it('the step schedule halves the rate every 50 steps; cosine decays it to 0 at step 200', async () => {
    for (const [schedule, at] of [
      ['step', { 1: 0.01, 50: 0.01, 51: 0.005, 101: 0.0025 }],
      ['cosine', { 1: 0.01, 101: 0.005, 200: (0.01 * (1 + Math.cos((Math.PI * 199) / 200))) / 2 }],
    ] as const) {
      const session = new TrainingRun(quadraticDescent, { ...defaults(quadraticDescent.settings), schedule });
      await session.start();
      const { rows } = await collect(session, 200);
      for (const [step, lr] of Object.entries(at)) expect(rows[Number(step) - 1]!.columns[6]).toBeCloseTo(lr, 7);
      session.dispose();
    }
  });
});

describe('the N-ReLU fitter of chapter 4', () => {
  it('draws the model and each unit, fits |x| with three units, and holds its tensor count', async () => {
    const session = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), units: 3, target: 'abs' });
    const start = await session.start();
    expect(start.curves).toHaveLength(1 + 3);
    expect(start.rows[0]!.columns).toEqual([]);
    const first = await collect(session, 1);
    const rest = await collect(session, 499);
    expect(rest.rows.at(-1)!.loss).toBeLessThan(0.01);
    expect(rest.rows.at(-1)!.loss).toBeLessThan(first.rows[0]!.loss / 10);
    expect(rest.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
    session.dispose();
  });

  it('more units fit the sine better after the same 500 steps', async () => {
    const lossWith = async (units: number) => {
      const session = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), units });
      await session.start();
      const { rows } = await collect(session, 500);
      session.dispose();
      return rows.at(-1)!.loss;
    };
    const [one, three, twenty] = [await lossWith(1), await lossWith(3), await lossWith(20)];
    expect(three).toBeLessThan(one);
    expect(twenty).toBeLessThan(three / 10);
  });

  it("reports each unit's (m, b, w), which give the units' curves", async () => {
    const session = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), units: 4 });
    const start = await session.start();
    const grid = session.experiment.grid;
    expect(start.units).toHaveLength(4);
    start.units!.forEach(([m, b, w], u) => {
      expectClose(
        grid.map((x) => w! * Math.max(0, m! * x + b!)),
        start.curves![1 + u]!,
        1e-5,
        1e-5,
      );
    });
    session.dispose();
  });

  it('moves a kink and a slope by hand; training goes on from there with no tensor leaked', async () => {
    const session = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), units: 3, target: 'abs' });
    await session.start();
    const before = (await collect(session, 5)).seen.at(-1)!;
    const { loss, progress } = await session.edit({ unit: 1, kink: 0.5, slope: -2 });
    const [m, b, w] = progress.units![1]!;
    expect(-b! / m!).toBeCloseTo(0.5, 5);
    expect(w! * m!).toBeCloseTo(-2, 5);
    // The other units did not move.
    expect(progress.units![0]).toEqual(before.units![0]);
    expect(progress.rows).toEqual([]);
    expect(session.step).toBe(5);
    // The next step's logged loss is the loss where the edit left the model.
    const next = await collect(session, 1);
    expect(next.rows[0]!.step).toBe(6);
    expectClose([next.rows[0]!.loss], [loss], 1e-6, 1e-6);
    expect(next.seen.at(-1)!.numTensors).toBe(before.numTensors);
    await expect(session.edit({ unit: 3 })).rejects.toThrow(/No unit 4: this model has 3/);
    session.dispose();
  });

  it('fits a drawn curve, given as a series setting; malformed drawings are refused with a reason', async () => {
    const drawn = reluFitter.settings.drawn;
    const ys = Array.from({ length: 41 }, (_, i) => (i < 20 ? 1 : -1));
    const value = ys.join(',');
    expect(parseSetting(drawn, value)).toEqual({ value });
    expect(parseSetting(drawn, '1,2')).toEqual({ error: 'Your curve: has 2 values, not 41' });
    expect(parseSetting(drawn, [...ys.slice(1), 9].join(','))).toEqual({ error: 'Your curve: value 41 ("9") is not a number from -3 to 3' });
    expect(parseSetting(drawn, '')).toEqual({ value: '' });
    const session = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), target: 'drawn', drawn: value });
    await session.start();
    expect(session.experiment.data.y).toEqual(ys);
    session.dispose();
    const empty = new TrainingRun(reluFitter, { ...defaults(reluFitter.settings), target: 'drawn' });
    expect(empty.experiment.data.y.every((y) => y === 0)).toBe(true);
    empty.dispose();
  });
});

describe('the ReLU surface of chapter 4', () => {
  it('fits the bump over 441 inputs; each unit reports (m1, m2, b, w); more units fit better; no tensor leaks', async () => {
    const run = async (units: number, steps: number) => {
      const session = new TrainingRun(reluSurface, { ...defaults(reluSurface.settings), units });
      const start = await session.start();
      expect(start.curves).toHaveLength(1);
      expect(start.curves![0]).toHaveLength(441);
      expect(start.units).toHaveLength(units);
      expect(start.units![0]).toHaveLength(4);
      const first = await collect(session, 1);
      const rest = await collect(session, steps - 1);
      expect(rest.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
      session.dispose();
      return { start: start.rows[0]!.loss, end: rest.rows.at(-1)!.loss };
    };
    const two = await run(2, 300);
    const twenty = await run(20, 300);
    expect(twenty.end).toBeLessThan(twenty.start / 20);
    expect(twenty.end).toBeLessThan(two.end / 5);
    // The surface the model sees is the target function on the grid, x1 varying fastest.
    const e = reluSurface.create(defaults(reluSurface.settings));
    const s = (e as unknown as { surface: { side: number[]; target: number[] } }).surface;
    expect(s.side).toHaveLength(21);
    expect(s.target[0]).toBeCloseTo(2 * Math.exp(-4), 6);
    expect(s.target[220]).toBeCloseTo(2, 6);
    expect(s.target[1]).toBeCloseTo(2 * Math.exp(-(1.8 ** 2 + 4) / 2), 6);
    e.dispose();
  });
});
