import { backward, MSELoss, tf, type Optimizer, type Scalar, type Sequential, type Tensor, type Tensor1D, type Tensor2D } from '../nn';
import type { Dataset1D } from '../data';
import type { Experiment } from './experiment';
import type { Settings } from './settings';

/**
 * What most demos share: a `Sequential` model, an optimizer and mean squared error on
 * fixed inputs `x` and targets `y`, one full-batch step per step. Subclasses give the
 * curves, and may add log columns, units to drag or a different step.
 */
export abstract class ModelRun implements Experiment {
  abstract readonly paramNames: readonly string[];
  abstract readonly unitNames: readonly string[];
  abstract readonly grid: readonly number[];
  abstract readonly data: Dataset1D;
  protected readonly model: Sequential;
  protected readonly optimizer: Optimizer;
  protected readonly lossFn = new MSELoss();
  protected readonly x: Tensor2D;
  protected readonly y: Tensor2D;
  readonly #owned: Tensor[];

  /** Takes ownership of the model, the optimizer, x, y and `owned` (disposed with the run). */
  constructor(model: Sequential, optimizer: Optimizer, x: Tensor2D, y: Tensor2D, owned: Tensor[] = []) {
    this.model = model;
    this.optimizer = optimizer;
    this.x = x;
    this.y = y;
    this.#owned = owned;
  }

  abstract curves(): Tensor2D;

  /** The log's columns after the loss (none unless a subclass adds some). */
  protected columns(): Tensor1D {
    return tf.zeros([0]) as Tensor1D;
  }

  /** zeroGrad, backward, step on (x, y): the loss before the step. */
  protected trainOn(x: Tensor2D, y: Tensor2D): Scalar {
    this.optimizer.zeroGrad();
    const loss = backward(() => this.lossFn.forward(this.model.forward(x), y), this.model.parameters());
    this.optimizer.step();
    return loss;
  }

  protected fullLoss(): Scalar {
    return tf.tidy(() => this.lossFn.forward(this.model.forward(this.x), this.y));
  }

  step(): { loss: Scalar; params: Tensor1D } {
    const loss = this.trainOn(this.x, this.y);
    return { loss, params: tf.tidy(() => this.columns()) };
  }

  evaluate(): { loss: Scalar; params: Tensor1D } {
    return { loss: this.fullLoss(), params: tf.tidy(() => this.columns()) };
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) this.optimizer.lr = Number(settings.lr);
  }

  dispose(): void {
    this.optimizer.zeroGrad();
    this.optimizer.dispose();
    this.model.dispose();
    tf.dispose([this.x, this.y, ...this.#owned]);
  }
}
