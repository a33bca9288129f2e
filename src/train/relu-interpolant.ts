import { columnTensors, linspace, Q_GRID } from '../data';
import { Linear, MSELoss, ReLU, Sequential, tf, type Tensor2D } from '../nn';
import { defineExperiment, type Experiment, type UnitEdit } from './experiment';
import { reluUnits, TARGETS, targetOptions } from './relu-fitter';
import { choice, count, type SettingsOf } from './settings';

const X = linspace(-2, 2, 41);

const settings = {
  pieces: count('Pieces (units)', 1, 40, 4),
  target: choice('Target', targetOptions, 'sin'),
};
type InterpolantSettings = SettingsOf<typeof settings>;

/**
 * The constructive proof of chapter 4: the piecewise-linear curve through the target at
 * K + 1 evenly spaced knots on [−2, 2], built from K ReLU units and nothing else trained.
 * Unit j switches on at knot j (m = 1, b = −knotⱼ) and adds the change of slope there
 * (w = slopeⱼ − slopeⱼ₋₁); the output bias is the target at the first knot. It is the
 * fitter's own architecture, Linear(1, K) → ReLU → Linear(K, 1), with its weights written
 * down instead of learned. Its loss is the mean squared error on the 41 points.
 */
export const reluInterpolant = defineExperiment({ id: 'relu-interpolant', settings, create: (s) => new ReluInterpolant(s) });

/**
 * Each unit's (m, b, w) and the output bias of the broken line through `f` at `knots` (K + 1
 * of them, increasing; K pieces, the chapter's evenly spaced ones by default).
 */
export function interpolantUnits(
  pieces: number,
  f: (x: number) => number,
  knots = linspace(-2, 2, pieces + 1),
): { knots: number[]; units: [number, number, number][]; bias: number } {
  const slopes = knots.slice(1).map((k, j) => (f(k) - f(knots[j]!)) / (k - knots[j]!));
  const units = slopes.map((s, j): [number, number, number] => [1, -knots[j]!, s - (slopes[j - 1] ?? 0)]);
  return { knots, units, bias: f(knots[0]!) };
}

/** The least distance kept between neighbouring knots, so that no piece has zero width. */
export const KNOT_GAP = 0.02;

/** Where knot `j` lands when dragged to `x`: inside [−2, 2] and at least KNOT_GAP from its neighbours. */
export function moveKnot(knots: readonly number[], j: number, x: number): number {
  const lo = j > 0 ? knots[j - 1]! + KNOT_GAP : -2;
  const hi = knots[j + 1]! - KNOT_GAP;
  return Math.min(hi, Math.max(lo, x));
}

const KINK_HELP =
  'Drag a kink (○) sideways to move its knot: the broken line is built anew through the target at the knots. Up or down changes nothing here, the target decides the heights. Keyboard: Tab to a kink, left and right arrows move it, Page Up and Page Down pick another unit.';

class ReluInterpolant implements Experiment<InterpolantSettings> {
  readonly columnNames = ['pieces'];
  readonly unitNames: string[];
  readonly grid = Q_GRID;
  readonly data: { x: number[]; y: number[] };
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #model: Sequential;
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  readonly #pieces: number;
  readonly #f: (x: number) => number;
  /** Where each unit switches on (knot j for unit j), and the right end, 2. */
  readonly #knots: number[];
  readonly kinkHelp = KINK_HELP;

  constructor(s: InterpolantSettings) {
    this.#f = TARGETS[s.target].f;
    this.#pieces = s.pieces;
    this.#knots = linspace(-2, 2, s.pieces + 1);
    this.data = { x: X, y: X.map(this.#f) };
    this.#hidden = new Linear(1, s.pieces);
    this.#output = new Linear(s.pieces, 1);
    this.#build();
    this.#model = new Sequential({ hidden: this.#hidden, relu: new ReLU(), output: this.#output });
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, Q_GRID));
    this.unitNames = this.#knots.slice(0, -1).map((_, j) => `unit ${j + 1}`);
  }

  /** Writes the weights of the broken line through the target at the knots. */
  #build(): void {
    const { units, bias } = interpolantUnits(this.#pieces, this.#f, this.#knots);
    tf.tidy(() => {
      this.#hidden.weight.value.assign(tf.tensor2d(units.map(([m]) => [m])));
      this.#hidden.bias!.value.assign(tf.tensor1d(units.map(([, b]) => b)));
      this.#output.weight.value.assign(tf.tensor2d([units.map(([, , w]) => w)]));
      this.#output.bias!.value.assign(tf.tensor1d([bias]));
    });
  }

  /**
   * A dragged kink moves its knot (kept between its neighbours, on [−2, 2]) and the broken line
   * is built anew through the target there: the units follow the knots, never the other way,
   * so a drag up or down changes nothing.
   */
  edit({ unit, kink }: UnitEdit): void {
    if (kink === undefined || !Number.isFinite(kink)) return;
    this.#knots[unit] = moveKnot(this.#knots, unit, kink);
    this.#build();
  }

  step() {
    return this.evaluate();
  }

  evaluate() {
    const loss = tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y));
    return { loss, columns: tf.tensor1d([this.#pieces]) };
  }

  /** grid × (1 + K): the curve, then each unit's part of it, wⱼ·relu(mⱼx + bⱼ). */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const parts = tf.mul(tf.relu(this.#hidden.forward(this.#gridX)), tf.reshape(this.#output.weight.value, [1, -1]));
      return tf.concat([this.#model.forward(this.#gridX), parts], 1) as Tensor2D;
    });
  }

  units(): Tensor2D {
    return reluUnits(this.#hidden, this.#output);
  }

  update(): void {
    // No setting is live: a change builds the curve anew.
  }

  dispose(): void {
    this.#model.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
