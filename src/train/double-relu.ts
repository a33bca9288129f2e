import { columnTensors, datasetQ2, Q_GRID } from '../data';
import { SGD, type Tensor1D, type Tensor2D } from '../nn';
import { clearGradsSetting, learningRateSetting, lossNamed, lossSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { ModelExperiment } from './model-experiment';
import { ReluSum } from './relu-sum';
import { seed, type SettingsOf } from './settings';

const settings = {
  lr: learningRateSetting(0.01, 100),
  loss: lossSetting(),
  clear: clearGradsSetting(),
  seed: seed('Data seed', 42),
};
type DoubleReluSettings = SettingsOf<typeof settings>;

/**
 * Chapter 4's double ReLU, relu(m₁x + b₁) + relu(m₂x + b₂), fitted to Q2 by plain gradient
 * descent from (m₁, b₁, m₂, b₂) = (0.5, 0.5, −0.5, −0.5), MAE and lr 0.01 by default.
 */
export const doubleRelu = defineExperiment({ id: 'double-relu', settings, create: (s) => new DoubleRelu(s) });

class DoubleRelu extends ModelExperiment<DoubleReluSettings> {
  readonly columnNames = ['m1', 'b1', 'm2', 'b2'];
  readonly unitNames = ['relu(m1·x + b1)', 'relu(m2·x + b2)'];
  readonly grid = Q_GRID;
  readonly data;
  readonly #sum: ReluSum;
  readonly #gridX: Tensor2D;

  constructor(s: DoubleReluSettings) {
    const sum = new ReluSum([0.5, -0.5], [0.5, -0.5]);
    const data = datasetQ2({ seed: s.seed });
    const { x, y, gridX } = columnTensors(data, Q_GRID);
    super({ model: sum, optimizer: new SGD(sum.parameters(), { lr: s.lr }), loss: lossNamed(s.loss), x, y, owned: [gridX] });
    this.data = data;
    this.#sum = sum;
    this.#gridX = gridX;
    this.clearGrads = s.clear;
  }

  protected override logColumns(): Tensor1D {
    return this.#sum.flatParams();
  }

  curves(): Tensor2D {
    return this.#sum.curves(this.#gridX);
  }

  override update(s: Partial<DoubleReluSettings>): void {
    super.update(s);
    if (s.clear !== undefined) this.clearGrads = s.clear;
  }
}
