import { linspace, RandomState } from '../data';
import { Adam, backward, Linear, MSELoss, ReLU, Sequential, tf, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import type { Experiment, ExperimentDefinition } from './experiment';
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

class ReluSurface implements Experiment {
  readonly paramNames = [];
  readonly unitNames = [];
  /** The inputs, numbered: `curves()` gives the model's value at each. */
  readonly grid = POINTS.map((_, i) => i);
  readonly data = { x: [] as number[], y: [] as number[] };
  readonly surface: { side: number[]; target: number[] };
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #model: Sequential;
  readonly #optimizer: Adam;
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;

  constructor(settings: Settings) {
    const units = Number(settings.units);
    const target = SURFACES[String(settings.target)] ?? SURFACES.bump!;
    const z = POINTS.map(([a, b]) => target.f(a, b));
    this.surface = { side: SIDE, target: z };
    const rng = new RandomState(Number(settings.seed));
    this.#hidden = new Linear(2, units, { generator: rng });
    this.#output = new Linear(units, 1, { generator: rng });
    this.#model = new Sequential({ hidden: this.#hidden, relu: new ReLU(), output: this.#output });
    this.#optimizer = new Adam(this.#model.parameters(), { lr: Number(settings.lr) });
    this.#x = tf.tensor2d(POINTS.flat(), [POINTS.length, 2]);
    this.#y = tf.tensor2d(z, [z.length, 1]);
  }

  step() {
    this.#optimizer.zeroGrad();
    const loss = backward(() => this.#loss.forward(this.#model.forward(this.#x), this.#y), this.#model.parameters());
    this.#optimizer.step();
    return { loss, params: tf.zeros([0]) as Tensor1D };
  }

  evaluate() {
    const loss = tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y));
    return { loss, params: tf.zeros([0]) as Tensor1D };
  }

  /** The model's value at every input (one column). */
  curves(): Tensor2D {
    return tf.tidy(() => this.#model.forward(this.#x));
  }

  /** units × 4: each unit's (m₁, m₂, b, w): it folds the plane along m₁x₁ + m₂x₂ + b = 0. */
  units(): Tensor2D {
    return tf.tidy(() =>
      tf.concat([this.#hidden.weight.value, tf.reshape(this.#hidden.bias!.value, [-1, 1]), tf.reshape(this.#output.weight.value, [-1, 1])], 1) as Tensor2D,
    );
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) this.#optimizer.lr = Number(settings.lr);
  }

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
    tf.dispose([this.#x, this.#y]);
  }
}
