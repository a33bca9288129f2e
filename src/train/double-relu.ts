import { datasetQ2, linspace } from '../data';
import { backward, L1Loss, MSELoss, SGD, tf, type Tensor2D } from '../nn';
import { CLEAR_GRADS_SETTING, learningRateSetting, LOSS_SETTING, lossFromSettings } from './common-settings';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
import { ReluSum } from './relu-sum';
import type { Settings } from './settings';

const GRID = linspace(-2.2, 2.2, 89);

/**
 * Chapter 4's double ReLU, relu(m₁x + b₁) + relu(m₂x + b₂), fitted to Q2 by plain gradient
 * descent from (m₁, b₁, m₂, b₂) = (0.5, 0.5, −0.5, −0.5), MAE and lr 0.01 by default.
 */
export const doubleRelu: ExperimentDefinition = {
  id: 'double-relu',
  settings: [
    learningRateSetting(0.01, 100),
    LOSS_SETTING,
    CLEAR_GRADS_SETTING,
    { kind: 'number', key: 'seed', label: 'Data seed', min: 0, max: 2 ** 32 - 1, default: 42, integer: true },
  ],
  live: ['lr', 'clear'],
  create: (settings) => new DoubleReluExperiment(settings),
};

class DoubleReluExperiment implements Experiment {
  readonly paramNames = ['m1', 'b1', 'm2', 'b2'];
  readonly unitNames = ['relu(m1·x + b1)', 'relu(m2·x + b2)'];
  readonly data;
  readonly grid = GRID;
  readonly #model = new ReluSum([0.5, -0.5], [0.5, -0.5]);
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  readonly #loss: L1Loss | MSELoss;
  readonly #optimizer: SGD;
  #clear: boolean;

  constructor(settings: Settings) {
    this.data = datasetQ2({ seed: Number(settings.seed) });
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, GRID));
    this.#loss = lossFromSettings(settings);
    this.#optimizer = new SGD(this.#model.parameters(), { lr: Number(settings.lr) });
    this.#clear = Boolean(settings.clear);
  }

  step() {
    if (this.#clear) this.#optimizer.zeroGrad();
    const loss = backward(() => this.#loss.forward(this.#model.forward(this.#x), this.#y), this.#model.parameters());
    this.#optimizer.step();
    return { loss, params: this.#model.flatParams() };
  }

  evaluate() {
    const loss = tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y));
    return { loss, params: this.#model.flatParams() };
  }

  curves(): Tensor2D {
    return this.#model.curves(this.#gridX);
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) this.#optimizer.lr = Number(settings.lr);
    if (settings.clear !== undefined) this.#clear = Boolean(settings.clear);
  }

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
