import { tf, type Tensor2D } from '../nn/tf';
import { batchIndices, datasetSine, type Dataset1D } from './datasets';
import { linspace } from './linspace';
import type { RandomState } from './random-state';

/** Numbers as a column tensor (n × 1), as the models take them. */
export const column = (values: readonly number[]): Tensor2D => tf.tensor2d(values as number[], [values.length, 1]);

/** A 1-D dataset and a chart grid as column tensors (n × 1). */
export function columnTensors(data: Dataset1D, grid: readonly number[]): { x: Tensor2D; y: Tensor2D; gridX: Tensor2D } {
  return { x: column(data.x), y: column(data.y), gridX: column(grid) };
}

/** Dataset S (y = 2·sin(x) + 5, 1024 points on [−3, 3]), what chapters 5, 7 and 8 fit. */
export const S = datasetSine();
/** The chart shows every 8th point of S (128 of the 1024); training uses them all. */
export const S_SHOWN = { x: S.x.filter((_, i) => i % 8 === 0), y: S.y.filter((_, i) => i % 8 === 0) };
/** Where the charts of S evaluate a model: a little past the data on both sides. */
export const S_GRID = linspace(-3.3, 3.3, 133);

/** Column tensors x and y cut into mini-batches of `size` (the last may be smaller). */
export class Batches {
  readonly size: number;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #rng: RandomState | null;
  #epoch: { x: Tensor2D; y: Tensor2D }[] = [];
  #next = 0;

  /** `rng`: a fresh shuffle every epoch (NumPy: `rs.permutation(n)`); null: in order. */
  constructor(x: Tensor2D, y: Tensor2D, rng: RandomState | null, size: number) {
    this.#x = x;
    this.#y = y;
    this.#rng = rng;
    this.size = size;
    this.#cut();
  }

  get perEpoch(): number {
    return this.#epoch.length;
  }

  /** The batch the next step uses (the same one until `advance`). */
  get current(): { x: Tensor2D; y: Tensor2D } {
    return this.#epoch[this.#next]!;
  }

  advance(): void {
    this.#next++;
    if (this.#next === this.#epoch.length) {
      this.#next = 0;
      if (this.#rng) this.#cut();
    }
  }

  #cut(): void {
    tf.dispose(this.#epoch.flatMap((b) => [b.x, b.y]));
    this.#epoch = batchIndices(this.#x.shape[0], this.size, this.#rng).map((rows) =>
      tf.tidy(() => {
        const index = tf.tensor1d(rows, 'int32');
        // Kept: a new epoch's batches are cut inside a training step's tidy, and outlive it.
        return { x: tf.keep(tf.gather(this.#x, index)), y: tf.keep(tf.gather(this.#y, index)) };
      }),
    );
  }

  dispose(): void {
    tf.dispose(this.#epoch.flatMap((b) => [b.x, b.y]));
  }
}

/**
 * Another way to cut mini-batches: one shuffled copy of the data, made once, and for each
 * step a window of `size` consecutive rows of it starting at a random row. In NumPy:
 * `order = rs.permutation(n)` (at the first batch), then each step
 * `start = rs.randint(0, n - size + 1)`, `rows = order[start:start + size]`.
 * Unlike epochs, some rows are seen more often than others.
 */
export class WindowBatches {
  readonly size: number;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #rng: RandomState;
  readonly #order: number[];
  #current: { x: Tensor2D; y: Tensor2D } | null = null;

  constructor(x: Tensor2D, y: Tensor2D, rng: RandomState, size: number) {
    if (!(size >= 1 && size <= x.shape[0])) throw new RangeError(`WindowBatches: a window of ${size} rows needs 1 to ${x.shape[0]}`);
    this.#x = x;
    this.#y = y;
    this.#rng = rng;
    this.size = size;
    this.#order = rng.permutation(x.shape[0]);
    this.#cut();
  }

  /** The batch the next step uses (the same one until `advance`). */
  get current(): { x: Tensor2D; y: Tensor2D } {
    return this.#current!;
  }

  advance(): void {
    this.#cut();
  }

  #cut(): void {
    this.dispose();
    const start = this.#rng.randint(0, this.#order.length - this.size + 1);
    const rows = this.#order.slice(start, start + this.size);
    this.#current = tf.tidy(() => {
      const index = tf.tensor1d(rows, 'int32');
      // Kept: cut inside a training step's tidy, used by the next step.
      return { x: tf.keep(tf.gather(this.#x, index)), y: tf.keep(tf.gather(this.#y, index)) };
    });
  }

  dispose(): void {
    if (this.#current) tf.dispose([this.#current.x, this.#current.y]);
    this.#current = null;
  }
}

/** Where the charts of Q1 and Q2 evaluate a model: [−2.2, 2.2] in steps of 0.05. */
export const Q_GRID = linspace(-2.2, 2.2, 89);
