import { linspace } from './linspace';
import { RandomState } from './random-state';

/** A 1-D regression dataset: inputs `x` and targets `y`, float64 as NumPy makes them. */
export interface Dataset1D {
  x: number[];
  y: number[];
}

/** A noisy quadratic's settings: the coefficients of a·x² + b·x + c, point count and seed. */
export interface QuadraticSettings {
  a: number;
  b: number;
  c: number;
  n: number;
  seed: number;
}

// Evaluated in NumPy's order for `a * x**2 + b * x + c`, so the rounding matches too.
const quadratic = (s: QuadraticSettings) => (x: number) => s.a * (x * x) + s.b * x + s.c;

/**
 * Q1 (chapter 1): x = linspace(−2, 2, n), y = f(x)·(1 + N(0, 0.4)) + N(0, 1.5), drawing the
 * n multiplicative draws first, then the n additive ones. In NumPy:
 * `np.random.seed(42); y = f(x) * (1 + np.random.normal(0, 0.4, 20)) + np.random.normal(0, 1.5, 20)`.
 */
export function datasetQ1(settings: Partial<QuadraticSettings> = {}): Dataset1D {
  const s: QuadraticSettings = { a: 3, b: 4, c: 5, n: 20, seed: 42, ...settings };
  const rng = new RandomState(s.seed);
  const x = linspace(-2, 2, s.n);
  const f = x.map(quadratic(s));
  const mult = rng.normal(0, 0.4, s.n);
  const add = rng.normal(0, 1.5, s.n);
  return { x, y: f.map((fi, i) => fi * (1 + mult[i]!) + add[i]!) };
}

/**
 * Q2 (chapter 4): x = linspace(−2, 2, n), f = 3x² + 2x + 1, y = f + f·N(0, 0.15), then
 * y = y + N(0, 1.5), in that order from one RandomState.
 */
export function datasetQ2(settings: Partial<QuadraticSettings> = {}): Dataset1D {
  const s: QuadraticSettings = { a: 3, b: 2, c: 1, n: 20, seed: 42, ...settings };
  const rng = new RandomState(s.seed);
  const x = linspace(-2, 2, s.n);
  const f = x.map(quadratic(s));
  const mult = rng.normal(0, 0.15, s.n);
  const withMult = f.map((fi, i) => fi + fi * mult[i]!);
  const add = rng.normal(0, 1.5, s.n);
  return { x, y: withMult.map((yi, i) => yi + add[i]!) };
}

/** S (chapter 5): y = 2·sin(x) + 5 at n points evenly spaced on [−3, 3]; no noise. */
export function datasetSine(n = 1024): Dataset1D {
  const x = linspace(-3, 3, n);
  return { x, y: x.map((xi) => 2 * Math.sin(xi) + 5) };
}

/** Row indices of mini-batches for one epoch: shuffled by `rng` (mixing the range) or in order. */
export function batchIndices(n: number, batchSize: number, rng: RandomState | null): number[][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(`batchIndices: batchSize must be a positive integer, got ${batchSize}`);
  }
  const order = rng ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
  const batches: number[][] = [];
  for (let i = 0; i < n; i += batchSize) batches.push(order.slice(i, i + batchSize));
  return batches;
}

/** Thermometer readings (chapter 6): Celsius and the same moments in unknown units. */
export const THERMOMETER_C = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0];
export const THERMOMETER_U = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4];

/** T with its split: inputs scaled as 0.1·t_u, targets t_c, and which rows train or validate. */
export interface ThermometerData {
  /** Scaled inputs 0.1·t_u and Celsius targets, split by a seeded permutation. */
  train: Dataset1D;
  val: Dataset1D;
  trainIndices: number[];
  valIndices: number[];
}

/**
 * T (chapter 6): `perm = RandomState(seed).permutation(11)`; the last ⌊0.2·11⌋ = 2 indices
 * are held out for validation, the rest train, as in `t_u[perm[:-2]]`, `t_u[perm[-2:]]`.
 */
export function datasetThermometer(seed = 42, valFraction = 0.2): ThermometerData {
  if (!(valFraction >= 0 && valFraction < 1)) {
    throw new RangeError(`datasetThermometer: valFraction must be in [0, 1), got ${valFraction}`);
  }
  const n = THERMOMETER_C.length;
  const nVal = Math.floor(valFraction * n);
  const perm = new RandomState(seed).permutation(n);
  const trainIndices = perm.slice(0, n - nVal);
  const valIndices = perm.slice(n - nVal);
  const pick = (idx: number[]): Dataset1D => ({
    x: idx.map((i) => 0.1 * THERMOMETER_U[i]!),
    y: idx.map((i) => THERMOMETER_C[i]!),
  });
  return { train: pick(trainIndices), val: pick(valIndices), trainIndices, valIndices };
}
