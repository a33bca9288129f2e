import { linspace, RandomState } from '../data';
import { backward, Linear, MSELoss, ReLU, Sequential, SGD, tf, type Tensor1D, type Tensor2D } from '../nn';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
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

class ComputeProbe implements Experiment {
  readonly paramNames = [];
  readonly unitNames = [];
  readonly grid = linspace(-3, 3, 25);
  readonly data: { x: number[]; y: number[] };
  readonly #model: Sequential;
  readonly #optimizer: SGD;
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;

  constructor(settings: Settings) {
    const width = Number(settings.width);
    const x = linspace(-3, 3, Number(settings.batch));
    this.data = { x, y: x.map(Math.sin) };
    const rng = new RandomState(0);
    this.#model = new Sequential(
      new Linear(1, width, { generator: rng }),
      new ReLU(),
      new Linear(width, width, { generator: rng }),
      new ReLU(),
      new Linear(width, 1, { generator: rng }),
    );
    this.#optimizer = new SGD(this.#model.parameters(), { lr: 1e-3 });
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, this.grid));
  }

  step() {
    this.#optimizer.zeroGrad();
    const loss = backward(() => this.#loss.forward(this.#model.forward(this.#x), this.#y), this.#model.parameters());
    this.#optimizer.step();
    return { loss, params: tf.zeros([0]) as Tensor1D };
  }

  evaluate() {
    return { loss: tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y)), params: tf.zeros([0]) as Tensor1D };
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.#model.forward(this.#gridX));
  }

  update(): void {}

  dispose(): void {
    this.#optimizer.zeroGrad();
    this.#optimizer.dispose();
    this.#model.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
