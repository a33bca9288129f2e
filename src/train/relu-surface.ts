import { linspace, RandomState } from '../data';
import { Adam, Linear, ReLU, Sequential, tf, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { ModelExperiment } from './model-experiment';
import { choice, count, seed, type SettingsOf } from './settings';

/** Each axis of the input square [−2, 2]²: 21 points, so 441 inputs in all. */
const SIDE = linspace(-2, 2, 21);
const POINTS = SIDE.flatMap((x2) => SIDE.map((x1) => [x1, x2] as const));

/** Surfaces to fit: each a function of (x₁, x₂) on [−2, 2]². */
export const SURFACES = {
  bump: { label: 'Bump 2·exp(−(x₁² + x₂²)/2)', f: (a, b) => 2 * Math.exp(-(a * a + b * b) / 2) },
  saddle: { label: 'Saddle x₁·x₂ / 2', f: (a, b) => (a * b) / 2 },
  ripple: { label: 'Ripple sin(x₁ + x₂)', f: (a, b) => Math.sin(a + b) },
} satisfies Record<string, { label: string; f: (x1: number, x2: number) => number }>;

const settings = {
  units: count('Units (N)', 1, 100, 20),
  target: choice('Surface', { bump: SURFACES.bump.label, saddle: SURFACES.saddle.label, ripple: SURFACES.ripple.label }, 'bump'),
  lr: learningRateSetting(0.02, 1),
  seed: seed('Initial weights seed'),
};

/**
 * Chapter 4's idea on a surface: the same one-hidden-layer network with two inputs,
 * Linear(2, N) → ReLU → Linear(N, 1), trained with Adam on mean squared error over a
 * 21 × 21 grid. Each unit is now a plane folded along the line m₁x₁ + m₂x₂ + b = 0.
 */
export const reluSurface = defineExperiment({ id: 'relu-surface', settings, create: (s) => new ReluSurface(s) });

class ReluSurface extends ModelExperiment {
  readonly columnNames = [];
  readonly unitNames = [];
  /** The inputs, numbered: `curves()` gives the model's value at each. */
  readonly grid = POINTS.map((_, i) => i);
  readonly data = { x: [] as number[], y: [] as number[] };
  readonly surface: { side: number[]; target: number[] };
  readonly #hidden: Linear;
  readonly #output: Linear;

  constructor(s: SettingsOf<typeof settings>) {
    const target = SURFACES[s.target];
    const z = POINTS.map(([a, b]) => target.f(a, b));
    const rng = new RandomState(s.seed);
    const units = s.units;
    const hidden = new Linear(2, units, { generator: rng });
    const output = new Linear(units, 1, { generator: rng });
    const model = new Sequential({ hidden, relu: new ReLU(), output });
    const x = tf.tensor2d(POINTS.flat(), [POINTS.length, 2]);
    super({ model, optimizer: new Adam(model.parameters(), { lr: s.lr }), x, y: tf.tensor2d(z, [z.length, 1]) });
    this.surface = { side: SIDE, target: z };
    this.#hidden = hidden;
    this.#output = output;
  }

  /** The model's value at every input (one column). */
  curves(): Tensor2D {
    return tf.tidy(() => this.model.forward(this.x));
  }

  /** units × 4: each unit's (m₁, m₂, b, w): it folds the plane along m₁x₁ + m₂x₂ + b = 0. */
  units(): Tensor2D {
    return tf.tidy(
      () =>
        tf.concat(
          [this.#hidden.weight.value, tf.reshape(this.#hidden.bias!.value, [-1, 1]), tf.reshape(this.#output.weight.value, [-1, 1])],
          1,
        ) as Tensor2D,
    );
  }
}
