import { RandomState } from '../data';
import type { Optimizer, LRScheduler, Scalar, Sequential, Tensor1D, Tensor2D } from '../nn';
import { backward, MSELoss, tf } from '../nn';
import { columnTensors, type Experiment } from './experiment';
import { Batches, GRID, S, SHOWN } from './sine-by-hand';
import type { Settings } from './settings';

/** One contestant: a model with its optimizer, and optionally a schedule and mini-batches. */
export interface RaceRun {
  label: string;
  model: Sequential;
  optimizer: Optimizer;
  scheduler?: LRScheduler;
  /** Batch size for shuffled mini-batches; the full dataset when omitted. */
  batch?: number;
}

/**
 * Several runs side by side on dataset S, one step each per step of the demo: the log has
 * each run's loss over all 1024 points (before its step), the logged loss is their mean,
 * the loss chart overlays them, and the fit chart shows the run the `shown` setting names.
 */
export class Race implements Experiment {
  readonly paramNames: string[];
  readonly lossSeries: { label: string; column: string }[];
  readonly unitNames = [];
  readonly grid = GRID;
  readonly data = SHOWN;
  readonly #runs: RaceRun[];
  readonly #batches: (Batches | null)[];
  readonly #keys: string[];
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  #shown = 0;

  /** `keys` name the runs for the `shown` setting; `seed` shuffles the mini-batches. */
  constructor(runs: RaceRun[], keys: string[], settings: Settings, seed: number) {
    this.#runs = runs;
    this.#keys = keys;
    this.paramNames = runs.map((r) => r.label);
    this.lossSeries = runs.map((r) => ({ label: r.label, column: r.label }));
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(S, GRID));
    this.#batches = runs.map((r) => (r.batch ? new Batches(this.#x, this.#y, new RandomState(seed), r.batch) : null));
    this.#show(settings.shown);
  }

  #show(key: unknown): void {
    if (key !== undefined) this.#shown = Math.max(0, this.#keys.indexOf(String(key)));
  }

  #fullLoss(model: Sequential): Scalar {
    return this.#loss.forward(model.forward(this.#x), this.#y);
  }

  step() {
    const losses = this.#runs.map((run, i) => {
      const loss = tf.tidy(() => this.#fullLoss(run.model));
      const batch = this.#batches[i]?.current ?? { x: this.#x, y: this.#y };
      run.optimizer.zeroGrad();
      backward(() => this.#loss.forward(run.model.forward(batch.x), batch.y), run.model.parameters()).dispose();
      run.optimizer.step();
      run.scheduler?.step();
      this.#batches[i]?.advance();
      return loss;
    });
    const result = tf.tidy(() => {
      const params = tf.stack(losses) as Tensor1D;
      return { loss: tf.mean(params) as Scalar, params };
    });
    tf.dispose(losses);
    return result;
  }

  evaluate() {
    return tf.tidy(() => {
      const params = tf.stack(this.#runs.map((r) => this.#fullLoss(r.model))) as Tensor1D;
      return { loss: tf.mean(params) as Scalar, params };
    });
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.#runs[this.#shown]!.model.forward(this.#gridX));
  }

  /** Live settings: which run is shown, and (where the race allows it live) every run's learning rate. */
  update(settings: Settings): void {
    this.#show(settings.shown);
    if (settings.lr !== undefined) for (const r of this.#runs) r.optimizer.lr = Number(settings.lr);
  }

  dispose(): void {
    for (const r of this.#runs) {
      r.optimizer.zeroGrad();
      r.optimizer.dispose();
      r.model.dispose();
    }
    for (const b of this.#batches) b?.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
