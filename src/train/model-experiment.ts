import type { Dataset1D } from '../data';
import { backward, MSELoss, tf, type Loss, type Module, type Optimizer, type Scalar, type Tensor, type Tensor1D, type Tensor2D } from '../nn';
import { overshootHint, type Experiment, type StepTensors } from './experiment';
import type { Settings } from './settings';

/** What a run trains: any module, its optimizer and loss, on inputs `x` with targets `y`. */
export interface ModelParts {
  model: Module;
  optimizer: Optimizer;
  /** Mean squared error when omitted. */
  loss?: Loss;
  x: Tensor2D;
  y: Tensor2D;
  /** Tensors the run owns besides x and y (a chart grid, held-out data): disposed with it. */
  owned?: Tensor[];
}

/**
 * The general experiment: a module, an optimizer and a loss on fixed inputs, one
 * full-batch step per step. Subclasses give the curves, and may add log columns, units to
 * drag, a different step, or turn off clearing gradients (`clearGrads`) as a chapter asks.
 */
export abstract class ModelExperiment<V extends Settings = Settings> implements Experiment<V> {
  abstract readonly columnNames: readonly string[];
  abstract readonly unitNames: readonly string[];
  abstract readonly grid: readonly number[];
  abstract readonly data: Dataset1D;
  protected readonly model: Module;
  protected readonly optimizer: Optimizer;
  protected lossFn: Loss;
  protected readonly x: Tensor2D;
  protected readonly y: Tensor2D;
  /** Off, gradients pile up from step to step (a forgotten zero_grad()). */
  protected clearGrads = true;
  readonly #owned: Tensor[];

  /** Takes ownership of the model, the optimizer, x, y and `owned` (disposed with the run). */
  constructor({ model, optimizer, loss = new MSELoss(), x, y, owned = [] }: ModelParts) {
    this.model = model;
    this.optimizer = optimizer;
    this.lossFn = loss;
    this.x = x;
    this.y = y;
    this.#owned = owned;
  }

  abstract curves(): Tensor2D;

  /** The log's columns after the loss (none unless a subclass adds some). */
  protected logColumns(): Tensor1D {
    return tf.zeros([0]) as Tensor1D;
  }

  /** (zeroGrad,) backward, step on (x, y): the loss before the step. */
  protected trainOn(x: Tensor2D, y: Tensor2D): Scalar {
    if (this.clearGrads) this.optimizer.zeroGrad();
    const loss = backward(() => this.lossFn.forward(this.model.forward(x), y), this.model.parameters());
    this.optimizer.step();
    return loss;
  }

  protected fullLoss(): Scalar {
    return tf.tidy(() => this.lossFn.forward(this.model.forward(this.x), this.y));
  }

  step(): StepTensors {
    const loss = this.trainOn(this.x, this.y);
    return { loss, columns: tf.tidy(() => this.logColumns()) };
  }

  evaluate(): StepTensors {
    return { loss: this.fullLoss(), columns: tf.tidy(() => this.logColumns()) };
  }

  /** The learning rate applies mid-run; subclasses add their own live settings. */
  update(settings: Partial<V>): void {
    const { lr } = settings as Partial<Settings>;
    if (typeof lr === 'number') this.optimizer.lr = lr;
  }

  divergenceHint(): string {
    return overshootHint(this.optimizer.lr);
  }

  dispose(): void {
    this.optimizer.zeroGrad();
    this.optimizer.dispose();
    this.model.dispose();
    tf.dispose([this.x, this.y, ...this.#owned]);
  }
}
