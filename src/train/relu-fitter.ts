import { columnTensors, linspace, Q_GRID, RandomState } from '../data';
import { Adam, Linear, ReLU, Sequential, tf, type Parameter, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment, type UnitEdit } from './experiment';
import { ModelExperiment } from './model-experiment';
import { choice, count, seed, series, seriesDomain, seriesValues, type SettingsOf } from './settings';

const GRID = Q_GRID;
const X = linspace(-2, 2, 41);

/** Shapes to fit: each a function of x on [−2, 2]. */
export const TARGETS = {
  quadratic: { label: 'Quadratic x²', f: (x) => x * x },
  sin: { label: 'Sine 2·sin(2x)', f: (x) => 2 * Math.sin(2 * x) },
  abs: { label: 'Absolute value |x|', f: (x) => Math.abs(x) },
  step: { label: 'Step (0, then 1)', f: (x) => (x < 0 ? 0 : 1) },
} satisfies Record<string, { label: string; f: (x: number) => number }>;
type TargetName = keyof typeof TARGETS;
/** The named targets as a choice's options (value → label). */
export const targetOptions = Object.fromEntries(Object.entries(TARGETS).map(([k, t]) => [k, t.label])) as Record<TargetName, string>;

/** The reader's own target: y at each of the 41 points, drawn on the chart. */
export const DRAWN_SETTING = series('Your curve', { length: X.length, min: -3, max: 3 });

const settings = {
  units: count('Units (N)', 1, 50, 10),
  target: choice('Target', { ...targetOptions, drawn: 'Your drawing' }, 'sin'),
  drawn: DRAWN_SETTING,
  lr: learningRateSetting(0.05, 1),
  seed: seed('Initial weights seed'),
};
type FitterSettings = SettingsOf<typeof settings>;

/** The target's y at each of the 41 points: a named shape, or the reader's drawing (a flat line until drawn). */
function targetValues(s: FitterSettings): number[] {
  if (s.target === 'drawn') {
    const drawn = seriesValues(s.drawn);
    return drawn.length === X.length ? drawn : X.map(() => 0);
  }
  return X.map(TARGETS[s.target].f);
}

/**
 * Chapter 4's fitter: N ReLU units in one hidden layer, Linear(1, N) → ReLU → Linear(N, 1),
 * trained with Adam on mean squared error to one of the target shapes (41 points on
 * [−2, 2]). Each unit's contribution wⱼ·relu(mⱼx + bⱼ) is drawn under the sum.
 */
export const reluFitter = defineExperiment({ id: 'relu-fitter', settings, create: (s) => new ReluFitter(s) });

class ReluFitter extends ModelExperiment {
  readonly columnNames = [];
  readonly unitNames: string[];
  readonly grid = GRID;
  readonly data: { x: number[]; y: number[] };
  readonly yDomain?: [number, number];
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #gridX: Tensor2D;

  constructor(s: FitterSettings) {
    const units = s.units;
    const data = { x: X, y: targetValues(s) };
    const rng = new RandomState(s.seed);
    const hidden = new Linear(1, units, { generator: rng });
    const output = new Linear(units, 1, { generator: rng });
    const model = new Sequential({ hidden, relu: new ReLU(), output });
    const { x, y, gridX } = columnTensors(data, GRID);
    super({ model, optimizer: new Adam(model.parameters(), { lr: s.lr }), x, y, owned: [gridX] });
    this.data = data;
    // A drawing gets the whole range it may use, so the chart has room to draw in.
    if (s.target === 'drawn') this.yDomain = seriesDomain(DRAWN_SETTING);
    this.#hidden = hidden;
    this.#output = output;
    this.#gridX = gridX;
    this.unitNames = Array.from({ length: units }, (_, j) => `unit ${j + 1}`);
  }

  /** grid × (1 + N): the model, then each unit's contribution wⱼ·relu(mⱼx + bⱼ). */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const h = tf.relu(this.#hidden.forward(this.#gridX));
      const contributions = tf.mul(h, tf.reshape(this.#output.weight.value, [1, -1]));
      return tf.concat([this.model.forward(this.#gridX), contributions], 1) as Tensor2D;
    });
  }

  units(): Tensor2D {
    return reluUnits(this.#hidden, this.#output);
  }

  /** Moves a unit as a dragged kink does (see {@link editUnit}). */
  edit(edit: UnitEdit): void {
    editUnit(this.#hidden, this.#output, edit);
  }
}

/**
 * Moves unit `unit` of Linear(1, N) → ReLU → Linear(N, 1): its kink to x = kink
 * (b ← −m·kink), the slope of its active side to `slope` (w ← slope/m). A unit with m ≈ 0
 * has no kink to move; it gets m = ±1.
 */
export function editUnit(hidden: Linear, output: Linear, { unit, kink, slope }: UnitEdit): void {
  const m = hidden.weight.value.dataSync();
  const b = hidden.bias!.value.dataSync();
  const w = output.weight.value.dataSync();
  if (!(unit >= 0 && unit < m.length)) throw new RangeError(`No unit ${unit + 1}: this model has ${m.length}`);
  const m0 = m[unit]!;
  const flat = Math.abs(m0) < 1e-3;
  const mNew = flat ? (m0 < 0 ? -1 : 1) : m0;
  const kinkNew = kink ?? (flat ? 0 : -b[unit]! / m0);
  const slopeNew = slope ?? w[unit]! * m0;
  setEntry(hidden.weight, unit, mNew);
  setEntry(hidden.bias!, unit, -mNew * kinkNew);
  setEntry(output.weight, unit, slopeNew / mNew);
}

/** Each unit's (m, b, w) of Linear(1, N) → ReLU → Linear(N, 1): one row per unit. */
export function reluUnits(hidden: Linear, output: Linear): Tensor2D {
  return tf.tidy(() => tf.stack([tf.reshape(hidden.weight.value, [-1]), hidden.bias!.value, tf.reshape(output.weight.value, [-1])], 1) as Tensor2D);
}

/** Sets one entry (row-major) of a parameter's value. */
function setEntry(p: Parameter, index: number, value: number): void {
  const values = p.value.dataSync().slice();
  values[index] = value;
  const t = tf.tensor(values, p.shape);
  p.value.assign(t);
  t.dispose();
}
