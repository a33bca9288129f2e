import { Batches, columnTensors, RandomState, S, S_GRID, S_SHOWN } from '../data';
import type { Optimizer, LRScheduler, Scalar, Tensor1D, Tensor2D } from '../nn';
import { backward, Linear, MSELoss, Sequential, tf, type Module } from '../nn';
import { overshootHint, type Experiment } from './experiment';
import type { Settings } from './settings';

/** One contestant: a model with its optimizer, and optionally a schedule and mini-batches. */
export interface RaceContestant {
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
  readonly columnNames: string[];
  readonly lossSeries: { label: string; column: string }[];
  readonly unitNames = [];
  readonly grid = S_GRID;
  readonly data = S_SHOWN;
  readonly #runs: RaceContestant[];
  readonly #batches: (Batches | null)[];
  readonly #keys: readonly string[];
  readonly #loss = new MSELoss();
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  #shown = 0;
  /** Runs whose loss ran away: no longer trained, their column NaN (see {@link Race.retire}). */
  readonly #retired = new Set<number>();

  /** `keys` name the runs for the `shown` setting; `seed` shuffles the mini-batches. */
  constructor(runs: RaceContestant[], keys: readonly string[], shown: string, seed: number) {
    this.#runs = runs;
    this.#keys = keys;
    this.columnNames = runs.map((r) => r.label);
    this.lossSeries = runs.map((r) => ({ label: r.label, column: r.label }));
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(S, S_GRID));
    this.#batches = runs.map((r) => (r.batch ? new Batches(this.#x, this.#y, new RandomState(seed), r.batch) : null));
    this.#show(shown);
  }

  #show(key: string | undefined): void {
    if (key !== undefined) this.#shown = Math.max(0, this.#keys.indexOf(key));
  }

  #fullLoss(model: Sequential): Scalar {
    return this.#loss.forward(model.forward(this.#x), this.#y);
  }

  step() {
    const losses = this.#runs.map((run, i) => {
      if (this.#retired.has(i)) return tf.scalar(Number.NaN);
      const batch = this.#batches[i]?.current;
      // A full-batch step's forward pass is the loss over all points before it: the logged loss, computed once.
      const before = batch ? tf.tidy(() => this.#fullLoss(run.model)) : null;
      const { x, y } = batch ?? { x: this.#x, y: this.#y };
      run.optimizer.zeroGrad();
      const trained = backward(() => this.#loss.forward(run.model.forward(x), y), run.model.parameters());
      const loss = before ?? trained;
      if (before) trained.dispose();
      run.optimizer.step();
      run.scheduler?.step();
      this.#batches[i]?.advance();
      return loss;
    });
    const result = tf.tidy(() => this.#logged(losses));
    tf.dispose(losses);
    return result;
  }

  evaluate() {
    return tf.tidy(() => this.#logged(this.#runs.map((r, i) => (this.#retired.has(i) ? tf.scalar(Number.NaN) : this.#fullLoss(r.model)))));
  }

  /** The log's columns (each run's loss) and its loss: the mean over the runs still going. */
  #logged(losses: Scalar[]): { loss: Scalar; columns: Tensor1D } {
    const live = losses.filter((_, i) => !this.#retired.has(i));
    return { loss: tf.mean(tf.stack(live)) as Scalar, columns: tf.stack(losses) as Tensor1D };
  }

  /** A run whose loss ran away stops training; the others go on (the training run decides, from the log). */
  retire(column: number): void {
    this.#retired.add(column);
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.#runs[this.#shown]!.model.forward(this.#gridX));
  }

  /** Live settings: which run is shown, and (where the race allows it live) every run's learning rate. */
  update(settings: Partial<Settings>): void {
    const { shown, lr } = settings;
    this.#show(typeof shown === 'string' ? shown : undefined);
    if (typeof lr === 'number') for (const r of this.#runs) r.optimizer.lr = lr;
  }

  divergenceHint(): string {
    return overshootHint(this.#runs[0]!.optimizer.lr, 'these models');
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

/** Linear(1, H) → activation → Linear(H, 1), its weights drawn from `rng` (each race's contestants share one seed). */
export function oneHiddenLayer(hidden: number, activation: Module, rng: RandomState): Sequential {
  return new Sequential(new Linear(1, hidden, { generator: rng }), activation, new Linear(hidden, 1, { generator: rng }));
}
