import { linspace, RandomState } from '../data';
import { Adam, backward, Linear, MSELoss, ReLU, Sequential, tf, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
import type { Settings } from './settings';

const GRID = linspace(-2.2, 2.2, 89);
const X = linspace(-2, 2, 41);

/** Shapes to fit: each a function of x on [−2, 2]. */
export const TARGETS: Record<string, { label: string; f: (x: number) => number }> = {
  quadratic: { label: 'Quadratic x²', f: (x) => x * x },
  sin: { label: 'Sine 2·sin(2x)', f: (x) => 2 * Math.sin(2 * x) },
  abs: { label: 'Absolute value |x|', f: (x) => Math.abs(x) },
  step: { label: 'Step (0, then 1)', f: (x) => (x < 0 ? 0 : 1) },
};

/**
 * Chapter 4's fitter: N ReLU units in one hidden layer, Linear(1, N) → ReLU → Linear(N, 1),
 * trained with Adam on mean squared error to one of the target shapes (41 points on
 * [−2, 2]). Each unit's contribution wⱼ·relu(mⱼx + bⱼ) is drawn under the sum.
 */
export const reluFitter: ExperimentDefinition = {
  id: 'relu-fitter',
  settings: [
    { kind: 'number', key: 'units', label: 'Units (N)', min: 1, max: 50, default: 10, integer: true, step: 1 },
    {
      kind: 'choice',
      key: 'target',
      label: 'Target',
      options: Object.entries(TARGETS).map(([value, t]) => ({ value, label: t.label })),
      default: 'sin',
    },
    learningRateSetting(0.05, 1),
    { kind: 'number', key: 'seed', label: 'Initial weights seed', min: 0, max: 2 ** 32 - 1, default: 0, integer: true },
  ],
  live: ['lr'],
  create: (settings) => new ReluFitter(settings),
};

class ReluFitter implements Experiment {
  readonly paramNames = [];
  readonly unitNames: string[];
  readonly grid = GRID;
  readonly data: { x: number[]; y: number[] };
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #model: Sequential;
  readonly #optimizer: Adam;
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;

  constructor(settings: Settings) {
    const units = Number(settings.units);
    const target = TARGETS[String(settings.target)] ?? TARGETS.sin!;
    this.data = { x: X, y: X.map(target.f) };
    const rng = new RandomState(Number(settings.seed));
    this.#hidden = new Linear(1, units, { generator: rng });
    this.#output = new Linear(units, 1, { generator: rng });
    this.#model = new Sequential({ hidden: this.#hidden, relu: new ReLU(), output: this.#output });
    this.#optimizer = new Adam(this.#model.parameters(), { lr: Number(settings.lr) });
    this.unitNames = Array.from({ length: units }, (_, j) => `unit ${j + 1}`);
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, GRID));
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

  /** grid × (1 + N): the model, then each unit's contribution wⱼ·relu(mⱼx + bⱼ). */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const h = tf.relu(this.#hidden.forward(this.#gridX));
      const contributions = tf.mul(h, tf.reshape(this.#output.weight.value, [1, -1]));
      return tf.concat([this.#model.forward(this.#gridX), contributions], 1) as Tensor2D;
    });
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) this.#optimizer.lr = Number(settings.lr);
  }

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
