import { datasetQ1, Q_GRID } from '../data';
import { backward, CosineAnnealingLR, L1Loss, MSELoss, Parameter, SGD, StepLR, tf, type LRScheduler, type Tensor1D, type Tensor2D } from '../nn';
import { clearGradsSetting, learningRateSetting, lossNamed, lossSetting } from './common-settings';
import { defineExperiment, overshootHint, type Experiment, type StepTensors } from './experiment';
import { choice, number, type SettingsOf } from './settings';

const GRID = Q_GRID;

/** Q1's generating curve, 3x² + 4x + 5, which the reader may show beside the fit. */
const GENERATING = { label: 'the curve the data came from, 3x² + 4x + 5', y: GRID.map((x) => 3 * x * x + 4 * x + 5) };

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
const coefficient = (label: string, min: number, max: number, dflt: number) => number(label, { min, max, default: dflt, step: 0.1, live: true });
const byHandSettings = {
  a: coefficient('a (x² term)', -2, 8, 1.1),
  b: coefficient('b (x term)', -4, 10, 1.2),
  c: coefficient('c (constant)', -5, 15, 1.3),
  loss: { ...lossSetting(), live: true },
};
type ByHandSettings = SettingsOf<typeof byHandSettings>;
export const quadraticByHand = defineExperiment({ id: 'quadratic-by-hand', settings: byHandSettings, create: (s) => new QuadraticByHand(s) });

class QuadraticByHand implements Experiment<ByHandSettings> {
  readonly columnNames = ['a', 'b', 'c'];
  readonly unitNames = [];
  readonly grid = GRID;
  readonly reference = GENERATING;
  readonly residuals = true;
  readonly #model: QuadraticModel;
  #loss: L1Loss | MSELoss;

  constructor(s: ByHandSettings) {
    this.#model = new QuadraticModel([s.a, s.b, s.c]);
    this.#loss = lossNamed(s.loss);
  }

  get data() {
    return this.#model.data;
  }

  step() {
    return this.evaluate();
  }

  evaluate(): StepTensors {
    const m = this.#model;
    return { loss: tf.tidy(() => this.#loss.forward(m.forward(m.x), m.y)), columns: m.values() };
  }

  curves(): Tensor2D {
    return this.#model.curves();
  }

  update(s: Partial<ByHandSettings>): void {
    const m = this.#model;
    for (const key of ['a', 'b', 'c'] as const) {
      const v = s[key];
      if (v !== undefined) tf.tidy(() => m[key].value.assign(tf.scalar(v)));
    }
    if (s.loss !== undefined) this.#loss = lossNamed(s.loss);
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
const descentSettings = {
  lr: learningRateSetting(0.01, 1000),
  loss: lossSetting(),
  schedule: choice(
    'Learning-rate schedule',
    { constant: 'Constant', step: 'Halve every 50 steps', cosine: 'Cosine decay over 200 steps' },
    'constant',
  ),
  clear: clearGradsSetting(),
};
type DescentSettings = SettingsOf<typeof descentSettings>;
export const quadraticDescent = defineExperiment({ id: 'quadratic-descent', settings: descentSettings, create: (s) => new QuadraticDescent(s) });

class QuadraticDescent implements Experiment<DescentSettings> {
  readonly columnNames = ['a', 'b', 'c', 'grad a', 'grad b', 'grad c', 'lr'];
  readonly unitNames = [];
  readonly grid = GRID;
  readonly reference = GENERATING;
  readonly residuals = true;
  /** The loss along a over its slider's range (chapter 2's "which way is downhill?"), and over a and b around the start and the best fits. */
  readonly landscape = { a: [-2, 8], b: [-2, 4] } as const;
  readonly #model = new QuadraticModel([1.1, 1.2, 1.3]);
  readonly #loss: L1Loss | MSELoss;
  readonly #optimizer: SGD;
  readonly #schedule: DescentSettings['schedule'];
  #scheduler: LRScheduler | null;
  #clear: boolean;
  /** The learning rate set (a schedule then lowers the optimizer's). */
  #baseLr: number;

  constructor(s: DescentSettings) {
    this.#loss = lossNamed(s.loss);
    this.#optimizer = new SGD(this.#model.parameters, { lr: s.lr });
    this.#baseLr = s.lr;
    this.#schedule = s.schedule;
    this.#scheduler = this.#makeScheduler();
    this.#clear = s.clear;
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
    const columns = tf.tidy(() => tf.concat([m.values(), tf.stack(grads), tf.tensor1d([lr])]) as Tensor1D);
    return { loss, columns };
  }

  evaluate() {
    const m = this.#model;
    const loss = tf.tidy(() => this.#loss.forward(m.forward(m.x), m.y));
    const columns = tf.tidy(() => tf.concat([m.values(), tf.zeros([3]), tf.tensor1d([this.#optimizer.lr])]) as Tensor1D);
    return { loss, columns };
  }

  curves(): Tensor2D {
    return this.#model.curves();
  }

  update(s: Partial<DescentSettings>): void {
    if (s.lr !== undefined) {
      // A new base rate: the schedule continues from where it is, scaled to it.
      const epoch = this.#scheduler?.lastEpoch ?? 0;
      this.#optimizer.lr = s.lr;
      this.#baseLr = s.lr;
      this.#scheduler = this.#makeScheduler();
      if (this.#scheduler) {
        this.#scheduler.lastEpoch = epoch;
        this.#optimizer.lr = this.#scheduler.lrAt(epoch);
      }
    }
    if (s.clear !== undefined) this.#clear = s.clear;
  }

  divergenceHint(): string {
    return overshootHint(this.#baseLr);
  }

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
  }
}
