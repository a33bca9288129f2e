import { linspace, RandomState } from '../data';
import { Linear, ReLU, Sequential, SGD, tf, type Tensor2D } from '../nn';
import { columnTensors, type ExperimentDefinition } from './experiment';
import { ModelRun } from './model-run';
import type { Settings } from './settings';

/**
 * Chapter 8's look at the compute: a model whose size is a setting, trained with plain SGD
 * on `batch` points of a sine, so the page can time one step on each backend. Two hidden
 * layers of `width` units: the middle one is a width × width matrix product per step.
 */
export const computeProbe: ExperimentDefinition = {
  id: 'compute-probe',
  settings: [
    { kind: 'number', key: 'width', label: 'Hidden width', min: 1, max: 1024, default: 16, integer: true, step: 1 },
    { kind: 'number', key: 'batch', label: 'Batch', min: 1, max: 4096, default: 512, integer: true, step: 1 },
  ],
  live: [],
  create: (settings) => new ComputeProbe(settings),
};

class ComputeProbe extends ModelRun {
  readonly paramNames = [];
  readonly unitNames = [];
  readonly grid = linspace(-3, 3, 25);
  readonly data: { x: number[]; y: number[] };
  readonly #gridX: Tensor2D;

  constructor(settings: Settings) {
    const width = Number(settings.width);
    const xs = linspace(-3, 3, Number(settings.batch));
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
    super(model, new SGD(model.parameters(), { lr: 1e-3 }), x, y, [gridX]);
    this.data = data;
    this.#gridX = gridX;
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.model.forward(this.#gridX));
  }
}
