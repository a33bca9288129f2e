import { linspace, RandomState } from '../data';
import { Adam, Linear, ReLU, Sequential, tf, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import type { ExperimentDefinition } from './experiment';
import { ModelRun } from './model-run';
import type { Settings } from './settings';

/** Each axis of the input square [−2, 2]²: 21 points, so 441 inputs in all. */
const SIDE = linspace(-2, 2, 21);
const POINTS = SIDE.flatMap((x2) => SIDE.map((x1) => [x1, x2] as const));

/** Surfaces to fit: each a function of (x₁, x₂) on [−2, 2]². */
export const SURFACES: Record<string, { label: string; f: (x1: number, x2: number) => number }> = {
  bump: { label: 'Bump 2·exp(−(x₁² + x₂²)/2)', f: (a, b) => 2 * Math.exp(-(a * a + b * b) / 2) },
  saddle: { label: 'Saddle x₁·x₂ / 2', f: (a, b) => (a * b) / 2 },
  ripple: { label: 'Ripple sin(x₁ + x₂)', f: (a, b) => Math.sin(a + b) },
};

/**
 * Chapter 4's idea on a surface: the same one-hidden-layer network with two inputs,
 * Linear(2, N) → ReLU → Linear(N, 1), trained with Adam on mean squared error over a
 * 21 × 21 grid. Each unit is now a plane folded along the line m₁x₁ + m₂x₂ + b = 0.
 */
export const reluSurface: ExperimentDefinition = {
  id: 'relu-surface',
  settings: [
    { kind: 'number', key: 'units', label: 'Units (N)', min: 1, max: 100, default: 20, integer: true, step: 1 },
    {
      kind: 'choice',
      key: 'target',
      label: 'Surface',
      options: Object.entries(SURFACES).map(([value, t]) => ({ value, label: t.label })),
      default: 'bump',
    },
    learningRateSetting(0.02, 1),
    { kind: 'number', key: 'seed', label: 'Initial weights seed', min: 0, max: 2 ** 32 - 1, default: 0, integer: true },
  ],
  live: ['lr'],
  create: (settings) => new ReluSurface(settings),
};

class ReluSurface extends ModelRun {
  readonly paramNames = [];
  readonly unitNames = [];
  /** The inputs, numbered: `curves()` gives the model's value at each. */
  readonly grid = POINTS.map((_, i) => i);
  readonly data = { x: [] as number[], y: [] as number[] };
  readonly surface: { side: number[]; target: number[] };
  readonly #hidden: Linear;
  readonly #output: Linear;

  constructor(settings: Settings) {
    const units = Number(settings.units);
    const target = SURFACES[String(settings.target)] ?? SURFACES.bump!;
    const z = POINTS.map(([a, b]) => target.f(a, b));
    const rng = new RandomState(Number(settings.seed));
    const hidden = new Linear(2, units, { generator: rng });
    const output = new Linear(units, 1, { generator: rng });
    const model = new Sequential({ hidden, relu: new ReLU(), output });
    const x = tf.tensor2d(POINTS.flat(), [POINTS.length, 2]);
    super(model, new Adam(model.parameters(), { lr: Number(settings.lr) }), x, tf.tensor2d(z, [z.length, 1]));
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
    return tf.tidy(() =>
      tf.concat([this.#hidden.weight.value, tf.reshape(this.#hidden.bias!.value, [-1, 1]), tf.reshape(this.#output.weight.value, [-1, 1])], 1) as Tensor2D,
    );
  }
}
