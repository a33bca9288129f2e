import { describe, expect, it } from 'vitest';
import {
  batchIndices,
  brokenLineMse,
  datasetQ1,
  datasetQ2,
  datasetSine,
  datasetThermometer,
  leastSquaresLine,
  linspace,
  RandomState,
} from '../../../src/data';
import { expectClose } from '../helpers';
import fixture from '../../fixtures/datasets.json';

describe('linspace matches np.linspace exactly', () => {
  for (const [key, values] of Object.entries(fixture.linspace)) {
    it(`linspace(${key})`, () => {
      const [start, stop, num] = key.split(',').map(Number) as [number, number, number];
      expect(linspace(start, stop, num)).toEqual(values);
    });
  }
  it('refuses a fractional count', () => {
    expect(() => linspace(0, 1, 2.5)).toThrow(/num must be a non-negative integer, got 2.5/);
  });
});

describe('datasets are the curriculum recipes, float64-equal to NumPy', () => {
  it('Q1: multiplicative noise first, then additive', () => {
    expect(datasetQ1()).toEqual(fixture.Q1);
  });
  it('Q2: y = f + f·N(0, 0.15), then + N(0, 1.5)', () => {
    expect(datasetQ2()).toEqual(fixture.Q2);
  });
  it('S: 2·sin(x) + 5 on 1024 points: x exact, y equal as float32 and within 1 ulp as float64', () => {
    const s = datasetSine();
    expect(s.x).toEqual(fixture.S.x);
    // V8's Math.sin is not correctly rounded (glibc's sin is): a handful of values differ in
    // the last float64 bit. The tensors the models see are float32, and there they agree.
    expect(s.y.map(Math.fround)).toEqual(fixture.S.y.map(Math.fround));
    const ulp = (v: number) => 2 ** (Math.floor(Math.log2(Math.abs(v))) - 52);
    const off = s.y.filter((v, i) => Math.abs(v - fixture.S.y[i]!) > ulp(v));
    expect(off).toEqual([]);
  });
  it('T: a seeded permutation holds out 2 of 11 readings', () => {
    const t = datasetThermometer(42);
    expect(t.trainIndices).toEqual(fixture.T.trainIndices);
    expect(t.valIndices).toEqual(fixture.T.valIndices);
    expect(t.train).toEqual({ x: fixture.T.trainX, y: fixture.T.trainY });
    expect(t.val).toEqual({ x: fixture.T.valX, y: fixture.T.valY });
  });
  it('another seed gives other data: the seed is really used', () => {
    expect(datasetQ1({ seed: 1 }).y).not.toEqual(fixture.Q1.y);
    expect(datasetQ1({ seed: 1 }).x).toEqual(fixture.Q1.x);
  });
});

describe('batchIndices', () => {
  it('shuffled batches cover every row once and mix the range', () => {
    const batches = batchIndices(1024, 100, new RandomState(0));
    expect(batches.map((b) => b.length)).toEqual([...Array(10).fill(100), 24]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([...Array(1024).keys()]);
    // A shuffled batch spans most of the input range; a sequential one a tenth of it.
    const spread = (b: number[]) => Math.max(...b) - Math.min(...b);
    expect(spread(batches[0]!)).toBeGreaterThan(900);
    expect(spread(batchIndices(1024, 100, null)[0]!)).toBe(99);
  });
  it('refuses a zero batch size', () => {
    expect(() => batchIndices(10, 0, null)).toThrow(/batchSize must be a positive integer, got 0/);
  });
});

describe('the least-squares line: the best any straight line does (np.polyfit(x, y, 1) and its mean squared error)', () => {
  it('on S (chapters 5 and 7) and on T’s training readings (chapter 6)', () => {
    const s = leastSquaresLine(datasetSine());
    expectClose([s.w, s.b, s.mse], [0.6896054705870108, 4.999999999999996, 0.6617148461013047], 1e-12, 1e-12);
    const t = leastSquaresLine(datasetThermometer().train);
    expectClose([t.w, t.b, t.mse], [5.321367781749679, -17.454455254603943, 2.7330781680739133], 1e-12, 1e-12);
  });
  it('reproduces a line exactly and refuses too few points', () => {
    expect(leastSquaresLine({ x: [0, 1, 2], y: [1, 3, 5] })).toEqual({ w: 2, b: 1, mse: 0 });
    expect(() => leastSquaresLine({ x: [1], y: [1] })).toThrow('need as many y as x, at least 2, got 1 and 1');
  });
});

describe('the broken line through evenly spaced knots (np.interp), chapter 4’s construction', () => {
  it('on dataset S: five pieces and ten, as NumPy computes them', () => {
    const f = (x: number) => 2 * Math.sin(x) + 5;
    expect(brokenLineMse(datasetSine(), f, 5)).toBeCloseTo(0.03433764256293008, 12);
    expect(brokenLineMse(datasetSine(), f, 10)).toBeCloseTo(0.0022290367985474697, 12);
  });

  it('is exact for a function that is itself a broken line with a knot at each of them', () => {
    const f = (x: number) => Math.abs(x - 1) - 2 * Math.abs(x + 1);
    const data = { x: linspace(-3, 3, 301), y: linspace(-3, 3, 301).map(f) };
    expect(brokenLineMse(data, f, 3)).toBeCloseTo(0, 20);
    expect(brokenLineMse(data, f, 2)).toBeGreaterThan(0.1);
  });
});
