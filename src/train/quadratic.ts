import { datasetQ1, linspace } from '../data';
import {
  backward,
  CosineAnnealingLR,
  L1Loss,
  MSELoss,
  Parameter,
  SGD,
  StepLR,
  tf,
  type LRScheduler,
  type Scalar,
  type Tensor1D,
  type Tensor2D,
} from '../nn';
import { CLEAR_GRADS_SETTING, learningRateSetting, LOSS_SETTING, lossFromSettings } from './common-settings';
import type { Experiment, ExperimentDefinition } from './experiment';
import type { Settings } from './settings';

const GRID = linspace(-2.2, 2.2, 89);


/** ŷ = a·x² + b·x + c on Q1, with a, b, c as parameters: what chapters 1 and 2 fit. */
class QuadraticModel {
  readonly a: Parameter;
  readonly b: Parameter;
  readonly c: Parameter;
  readonly x: Tensor1D;
  readonly y: Tensor1D;
  readonly gridX: Tensor1D;
  readonly data = datasetQ1();

  constructor([a, b, c]: [number, number, number]) {
    this.a = Parameter.from([a], []);
    this.b = Parameter.from([b], []);
    this.c = Parameter.from([c], []);
    this.x = tf.tensor1d(this.data.x);
    this.y = tf.tensor1d(this.data.y);
    this.gridX = tf.tensor1d(GRID);
  }

  get parameters(): Parameter[] {
    return [this.a, this.b, this.c];
  }

  forward(x: Tensor1D): Tensor1D {
    return tf.tidy(() => tf.add(tf.add(tf.mul(this.a.value, tf.square(x)), tf.mul(this.b.value, x)), this.c.value));
  }

  /** grid × 1: the curve. */
  curves(): Tensor2D {
    return tf.tidy(() => tf.reshape(this.forward(this.gridX), [-1, 1]) as Tensor2D);
  }

  values(): Tensor1D {
    return tf.stack(this.parameters.map((p) => p.value)) as Tensor1D;
  }

  dispose(): void {
    this.parameters.forEach((p) => p.dispose());
    tf.dispose([this.x, this.y, this.gridX]);
  }
}

/**
 * Chapter 1: fitting by hand. a, b and c are the reader's sliders; each "step" evaluates
 * the loss where they stand (there is no optimizer), so the log is the history of tries.
 */
export const quadraticByHand: ExperimentDefinition = {
  id: 'quadratic-by-hand',
  settings: [
    { kind: 'number', key: 'a', label: 'a (x² term)', min: -2, max: 8, default: 1.1, step: 0.1 },
    { kind: 'number', key: 'b', label: 'b (x term)', min: -4, max: 10, default: 1.2, step: 0.1 },
    { kind: 'number', key: 'c', label: 'c (constant)', min: -5, max: 15, default: 1.3, step: 0.1 },
    LOSS_SETTING,
  ],
  live: ['a', 'b', 'c', 'loss'],
  create: (settings) => new QuadraticByHand(settings),
};

class QuadraticByHand implements Experiment {
  readonly paramNames = ['a', 'b', 'c'];
  readonly unitNames = [];
  readonly grid = GRID;
  readonly #model: QuadraticModel;
  #loss: L1Loss | MSELoss;

  constructor(settings: Settings) {
    this.#model = new QuadraticModel([Number(settings.a), Number(settings.b), Number(settings.c)]);
    this.#loss = lossFromSettings(settings);
  }

  get data() {
    return this.#model.data;
  }

  step() {
    return this.evaluate();
  }

  evaluate(): { loss: Scalar; params: Tensor1D } {
    const m = this.#model;
    return { loss: tf.tidy(() => this.#loss.forward(m.forward(m.x), m.y)), params: m.values() };
  }

  curves(): Tensor2D {
    return this.#model.curves();
  }

  update(settings: Settings): void {
    const m = this.#model;
    for (const key of ['a', 'b', 'c'] as const) {
      if (settings[key] !== undefined) tf.tidy(() => m[key].value.assign(tf.scalar(Number(settings[key]))));
    }
    if (settings.loss !== undefined) this.#loss = lossFromSettings(settings);
  }

  dispose(): void {
    this.#model.dispose();
  }
}

/**
 * Chapter 2: gradient descent on the same quadratic from (a, b, c) = (1.1, 1.2, 1.3), MAE
 * and lr 0.01 by default. The log shows each step's gradients (as used by the update:
 * accumulated when clearing is off) and the learning rate a schedule set.
 */
export const quadraticDescent: ExperimentDefinition = {
  id: 'quadratic-descent',
  settings: [
    learningRateSetting(0.01, 1000),
    LOSS_SETTING,
    {
      kind: 'choice',
      key: 'schedule',
      label: 'Learning-rate schedule',
      options: [
        { value: 'constant', label: 'Constant' },
        { value: 'step', label: 'Halve every 50 steps' },
        { value: 'cosine', label: 'Cosine decay over 200 steps' },
      ],
      default: 'constant',
    },
    CLEAR_GRADS_SETTING,
  ],
  live: ['lr', 'clear'],
  create: (settings) => new QuadraticDescent(settings),
};

class QuadraticDescent implements Experiment {
  readonly paramNames = ['a', 'b', 'c', 'grad a', 'grad b', 'grad c', 'lr'];
  readonly unitNames = [];
  readonly grid = GRID;
  readonly #model = new QuadraticModel([1.1, 1.2, 1.3]);
  readonly #loss: L1Loss | MSELoss;
  readonly #optimizer: SGD;
  readonly #schedule: string;
  #scheduler: LRScheduler | null;
  #clear: boolean;

  constructor(settings: Settings) {
    this.#loss = lossFromSettings(settings);
    this.#optimizer = new SGD(this.#model.parameters, { lr: Number(settings.lr) });
    this.#schedule = String(settings.schedule);
    this.#scheduler = this.#makeScheduler();
    this.#clear = Boolean(settings.clear);
  }

  get data() {
    return this.#model.data;
  }

  #makeScheduler(): LRScheduler | null {
    if (this.#schedule === 'step') return new StepLR(this.#optimizer, { stepSize: 50, gamma: 0.5 });
    if (this.#schedule === 'cosine') return new CosineAnnealingLR(this.#optimizer, { tMax: 200 });
    return null;
  }

  step() {
    const m = this.#model;
    if (this.#clear) this.#optimizer.zeroGrad();
    const lr = this.#optimizer.lr;
    const loss = backward(() => this.#loss.forward(m.forward(m.x), m.y), m.parameters);
    const grads = m.parameters.map((p) => p.grad!);
    this.#optimizer.step();
    this.#scheduler?.step();
    const params = tf.tidy(() => tf.concat([m.values(), tf.stack(grads), tf.tensor1d([lr])]) as Tensor1D);
    return { loss, params };
  }

  evaluate() {
    const m = this.#model;
    const loss = tf.tidy(() => this.#loss.forward(m.forward(m.x), m.y));
    const params = tf.tidy(() => tf.concat([m.values(), tf.zeros([3]), tf.tensor1d([this.#optimizer.lr])]) as Tensor1D);
    return { loss, params };
  }

  curves(): Tensor2D {
    return this.#model.curves();
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) {
      // A new base rate: the schedule continues from where it is, scaled to it.
      const epoch = this.#scheduler?.lastEpoch ?? 0;
      this.#optimizer.lr = Number(settings.lr);
      this.#scheduler = this.#makeScheduler();
      if (this.#scheduler) {
        this.#scheduler.lastEpoch = epoch;
        this.#optimizer.lr = this.#scheduler.lrAt(epoch);
      }
    }
    if (settings.clear !== undefined) this.#clear = Boolean(settings.clear);
  }

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
  }
}
