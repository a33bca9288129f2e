import { columnTensors, linspace, Q_GRID } from '../data';
import { Linear, MSELoss, ReLU, Sequential, tf, type Tensor2D } from '../nn';
import { defineExperiment, type Experiment } from './experiment';
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

/** The knots and each unit's (m, b, w), and the output bias, for K pieces of `f` on [−2, 2]. */
export function interpolantUnits(pieces: number, f: (x: number) => number): { knots: number[]; units: [number, number, number][]; bias: number } {
  const knots = linspace(-2, 2, pieces + 1);
  const slopes = knots.slice(1).map((k, j) => (f(k) - f(knots[j]!)) / (k - knots[j]!));
  const units = slopes.map((s, j): [number, number, number] => [1, -knots[j]!, s - (slopes[j - 1] ?? 0)]);
  return { knots, units, bias: f(knots[0]!) };
}

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

  constructor(s: InterpolantSettings) {
    const f = TARGETS[s.target].f;
    const { units, bias } = interpolantUnits(s.pieces, f);
    this.#pieces = s.pieces;
    this.data = { x: X, y: X.map(f) };
    this.#hidden = new Linear(1, s.pieces);
    this.#output = new Linear(s.pieces, 1);
    tf.tidy(() => {
      this.#hidden.weight.value.assign(tf.tensor2d(units.map(([m]) => [m])));
      this.#hidden.bias!.value.assign(tf.tensor1d(units.map(([, b]) => b)));
      this.#output.weight.value.assign(tf.tensor2d([units.map(([, , w]) => w)]));
      this.#output.bias!.value.assign(tf.tensor1d([bias]));
    });
    this.#model = new Sequential({ hidden: this.#hidden, relu: new ReLU(), output: this.#output });
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, Q_GRID));
    this.unitNames = units.map((_, j) => `unit ${j + 1}`);
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
