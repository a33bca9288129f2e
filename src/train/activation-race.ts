import { datasetSine, linspace, RandomState } from '../data';
import {
  Adam,
  backward,
  ELU,
  GELU,
  Hardtanh,
  Identity,
  LeakyReLU,
  Linear,
  MSELoss,
  ReLU,
  Sequential,
  Sigmoid,
  Softplus,
  Tanh,
  tf,
  type Activation,
  type Scalar,
  type Tensor1D,
  type Tensor2D,
} from '../nn';
import { learningRateSetting } from './common-settings';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
import type { Settings } from './settings';

/** The activations of chapter 7, and Identity: no activation at all. */
export const ACTIVATIONS: Record<string, { label: string; make: () => Activation }> = {
  relu: { label: 'ReLU', make: () => new ReLU() },
  leaky: { label: 'LeakyReLU', make: () => new LeakyReLU() },
  elu: { label: 'ELU', make: () => new ELU() },
  gelu: { label: 'GELU', make: () => new GELU() },
  softplus: { label: 'Softplus', make: () => new Softplus() },
  tanh: { label: 'Tanh', make: () => new Tanh() },
  sigmoid: { label: 'Sigmoid', make: () => new Sigmoid() },
  hardtanh: { label: 'Hardtanh', make: () => new Hardtanh() },
  none: { label: 'Identity', make: () => new Identity() },
};
const KEYS = Object.keys(ACTIVATIONS);

/** Dataset S again (the chart shows every 8th point); a chart grid a little wider. */
const S = datasetSine();
const SHOWN = { x: S.x.filter((_, i) => i % 8 === 0), y: S.y.filter((_, i) => i % 8 === 0) };
const GRID = linspace(-3.3, 3.3, 133);

/**
 * Chapter 7's comparison: the same net, Linear(1, H) → activation → Linear(H, 1), once per
 * activation, every copy starting from the same seeded weights and trained side by side
 * with Adam on the full dataset S. The log has each one's loss; the chart shows one.
 */
export const activationRace: ExperimentDefinition = {
  id: 'activation-race',
  settings: [
    { kind: 'number', key: 'hidden', label: 'Hidden units', min: 1, max: 64, default: 8, integer: true, step: 1 },
    {
      kind: 'choice',
      key: 'shown',
      label: 'Fit shown',
      options: KEYS.map((value) => ({ value, label: ACTIVATIONS[value]!.label })),
      default: 'tanh',
    },
    learningRateSetting(0.01, 1),
    { kind: 'number', key: 'seed', label: 'Initial weights seed', min: 0, max: 2 ** 32 - 1, default: 0, integer: true },
  ],
  live: ['lr', 'shown'],
  create: (settings) => new ActivationRace(settings),
};

class ActivationRace implements Experiment {
  readonly paramNames = KEYS.map((k) => ACTIVATIONS[k]!.label);
  readonly lossSeries = KEYS.map((k) => ({ label: ACTIVATIONS[k]!.label, column: ACTIVATIONS[k]!.label }));
  readonly unitNames = [];
  readonly grid = GRID;
  readonly data = SHOWN;
  readonly #models: Sequential[];
  readonly #optimizers: Adam[];
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  #shown: number;

  constructor(settings: Settings) {
    const hidden = Number(settings.hidden);
    // One seed for all: each copy's Linear layers start from the same numbers.
    this.#models = KEYS.map((k) => {
      const rng = new RandomState(Number(settings.seed));
      return new Sequential(new Linear(1, hidden, { generator: rng }), ACTIVATIONS[k]!.make(), new Linear(hidden, 1, { generator: rng }));
    });
    this.#optimizers = this.#models.map((m) => new Adam(m.parameters(), { lr: Number(settings.lr) }));
    this.#shown = Math.max(0, KEYS.indexOf(String(settings.shown)));
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(S, GRID));
  }

  #lossOf(model: Sequential): Scalar {
    return this.#loss.forward(model.forward(this.#x), this.#y);
  }

  /** The logged loss is the mean over the copies; each copy's own loss is a column. */
  step() {
    const losses = this.#models.map((model, i) => {
      this.#optimizers[i]!.zeroGrad();
      const loss = backward(() => this.#lossOf(model), model.parameters());
      this.#optimizers[i]!.step();
      return loss;
    });
    const result = tf.tidy(() => {
      const params = tf.stack(losses) as Tensor1D;
      return { loss: tf.mean(params) as Scalar, params };
    });
    tf.dispose(losses);
    return result;
  }

  evaluate() {
    return tf.tidy(() => {
      const params = tf.stack(this.#models.map((m) => this.#lossOf(m))) as Tensor1D;
      return { loss: tf.mean(params) as Scalar, params };
    });
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.#models[this.#shown]!.forward(this.#gridX));
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) for (const o of this.#optimizers) o.lr = Number(settings.lr);
    if (settings.shown !== undefined) this.#shown = Math.max(0, KEYS.indexOf(String(settings.shown)));
  }

  dispose(): void {
    for (const o of this.#optimizers) {
      o.zeroGrad();
      o.dispose();
    }
    for (const m of this.#models) m.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
