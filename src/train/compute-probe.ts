import { columnTensors, linspace, RandomState } from '../data';
import { Linear, ReLU, Sequential, SGD, tf, type Tensor2D } from '../nn';
import { defineExperiment } from './experiment';
import { ModelExperiment } from './model-experiment';
import { count, type SettingsOf } from './settings';

const settings = { width: count('Hidden width', 1, 1024, 16), batch: count('Batch', 1, 4096, 512) };

/**
 * Chapter 8's look at the compute: a model whose size is a setting, trained with plain SGD
 * on `batch` points of a sine, so the page can time one step on each backend. Two hidden
 * layers of `width` units: the middle one is a width × width matrix product per step.
 */
export const computeProbe = defineExperiment({ id: 'compute-probe', settings, create: (s) => new ComputeProbe(s) });

class ComputeProbe extends ModelExperiment {
  readonly columnNames = [];
  readonly unitNames = [];
  readonly grid = linspace(-3, 3, 25);
  readonly data: { x: number[]; y: number[] };
  readonly #gridX: Tensor2D;

  constructor(s: SettingsOf<typeof settings>) {
    const width = s.width;
    const xs = linspace(-3, 3, s.batch);
    const data = { x: xs, y: xs.map(Math.sin) };
    const rng = new RandomState(0);
    const model = new Sequential(
      new Linear(1, width, { generator: rng }),
      new ReLU(),
      new Linear(width, width, { generator: rng }),
      new ReLU(),
      new Linear(width, 1, { generator: rng }),
    );
    const { x, y, gridX } = columnTensors(data, linspace(-3, 3, 25));
    super({ model, optimizer: new SGD(model.parameters(), { lr: 1e-3 }), x, y, owned: [gridX] });
    this.data = data;
    this.#gridX = gridX;
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.model.forward(this.#gridX));
  }
}
