import { tf, type Scalar, type Tensor } from '../nn';
import type { Experiment, ExperimentDefinition, UnitEdit } from './experiment';
import type { Settings, SettingsSpec } from './settings';

/** One line of the step log: the loss at that step and the log's other columns (the parameters after it, say). */
export interface StepRow {
  step: number;
  loss: number;
  columns: number[];
}

/** What one read-back brings to the page. */
export interface Progress {
  step: number;
  rows: StepRow[];
  /** Columns over the grid: the prediction, then each unit. Omitted when not finite. */
  curves: number[][] | null;
  /** For ReLU models: each unit's (m, b, w), as {@link Experiment.units} gives them. */
  units?: number[][];
  /** Every parameter, flattened, where the experiment gives them ({@link Experiment.weights}). */
  weights?: number[];
  /** Wall time per step over the last chunk, read-back included. */
  msPerStep: number;
  /** Runs of a race that ran away in this chunk and were stopped while the others go on. */
  retired?: { column: string; step: number; message: string }[];
  /** Live tensors in this training context: constant from step to step, or memory leaks. */
  numTensors: number;
}

export type RunEnd = { kind: 'done' } | { kind: 'stopped' } | { kind: 'diverged'; step: number; loss: number; message: string };

/** The loss counts as running away once it exceeds its starting value this many times. */
export const RUNAWAY_FACTOR = 100;
/** A chunk of steps between read-backs aims at this long: about two frames. */
const TARGET_CHUNK_MS = 32;
const MAX_CHUNK = 256;

/**
 * Resolves in a new task of the event loop, after the messages already queued (a resolved
 * promise would not: its callbacks run before any message is taken from the queue).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toPrecision(4)) : String(v));

/**
 * Runs an experiment's training loop in chunks: many steps are queued on the device, then
 * their losses and parameters come back in ONE read (never a synchronous read per step),
 * so the log still has every step. Stops on divergence before anything non-finite is shown.
 */
export class TrainingRun {
  readonly experiment: Experiment;
  #step = 0;
  /** Steps queued on the device: #step, or one chunk ahead of it while a chunk is in flight. */
  #queued = 0;
  #initialLoss = Number.NaN;
  /** Step 0's log columns: a race's runs each run away from their own start. */
  #initialColumns: number[] = [];
  /** Columns of runs retired (a race's runs that ran away): NaN from their step on. */
  readonly #retired = new Set<number>();
  #chunk = 1;
  #diverged = false;

  /** `settings` are checked by the page (or the caller) against the definition's spec. */
  constructor(definition: ExperimentDefinition<SettingsSpec>, settings: Settings) {
    this.experiment = definition.create(settings);
  }

  get step(): number {
    return this.#step;
  }

  get diverged(): boolean {
    return this.#diverged;
  }

  /** Step 0: the seeded start's loss, parameters and curves. */
  async start(): Promise<Progress> {
    const t0 = performance.now();
    const { loss, columns } = this.experiment.evaluate();
    const progress = await this.#readBack([loss], [columns], 0, t0);
    this.#initialLoss = progress.rows[0]!.loss;
    this.#initialColumns = progress.rows[0]!.columns;
    return progress;
  }

  /**
   * Trains up to `steps` more steps (Infinity: until told to stop), calling `onProgress`
   * after each chunk. `keepGoing` is asked between chunks; false ends the run as 'stopped'.
   * One chunk is always in flight: the next is queued on the device before the last one's
   * numbers are awaited, so the device never waits for the read-back (on WebGL it otherwise
   * idles half the time). Every chunk queued is reported, a stopped run's last one included;
   * after a divergence the chunk queued behind it is dropped, as the run ends there.
   */
  async run(steps: number, onProgress: (p: Progress) => void, keepGoing: () => boolean, maxChunk = MAX_CHUNK): Promise<RunEnd> {
    let left = steps;
    let inFlight: Promise<Progress> | null = null;
    let settled = performance.now();
    for (let chunk = 0; ; chunk++) {
      // Let queued messages (pause, reset) run first: where read-backs resolve at once (the
      // CPU and WebAssembly backends) the loop would otherwise never give them a turn.
      if (chunk > 0) await nextTask();
      const more = left > 0 && !this.#diverged && keepGoing();
      let queued: Promise<Progress> | null = null;
      if (more) {
        const n = Math.min(this.#chunk, left, maxChunk);
        queued = this.#queue(n);
        left -= n;
      }
      if (inFlight) {
        const progress = await inFlight;
        const now = performance.now();
        const end = this.#settle(progress, now - settled, onProgress);
        settled = now;
        if (end) {
          // The run ends at the divergence: the chunk queued behind it is read (freeing it) and dropped.
          await queued;
          return end;
        }
      }
      if (!queued) return left > 0 || this.#diverged ? { kind: 'stopped' } : { kind: 'done' };
      inFlight = queued;
    }
  }

  /** Queues `n` steps after those queued so far; resolves with their rows once they are read back. */
  #queue(n: number): Promise<Progress> {
    const t0 = performance.now();
    const losses: Scalar[] = [];
    const columns: Tensor[] = [];
    for (let i = 0; i < n; i++) {
      const s = this.experiment.step();
      losses.push(s.loss);
      columns.push(s.columns);
    }
    const read = this.#readBack(losses, columns, this.#queued + 1, t0);
    this.#queued += n;
    return read;
  }

  /** Takes in a chunk read back (`ms` since the one before): its rows, runaways, divergence; a RunEnd if the run diverged. */
  #settle(progress: Progress, ms: number, onProgress: (p: Progress) => void): RunEnd | null {
    const n = progress.rows.length;
    progress.msPerStep = ms / n;
    this.#retireRunaways(progress);
    const bad = progress.rows.findIndex((r) => !this.#healthy(r));
    if (bad >= 0) {
      this.#diverged = true;
      const row = progress.rows[bad]!;
      const healthy = progress.rows.slice(0, bad);
      this.#step = healthy.at(-1)?.step ?? this.#step;
      onProgress({ ...progress, step: this.#step, rows: healthy, curves: null });
      return { kind: 'diverged', step: row.step, loss: row.loss, message: this.#divergenceMessage(row) };
    }
    this.#step += n;
    onProgress(progress);
    this.#adapt(ms, n);
    return null;
  }

  /**
   * Moves a unit by hand between steps (training then goes on from there): the loss and
   * curves at the edited parameters. The log is not extended: the next step's row shows
   * the loss where the edit left the model.
   */
  async edit(edit: UnitEdit): Promise<{ loss: number; progress: Progress }> {
    if (!this.experiment.edit) throw new Error('this demo has no units to move');
    const t0 = performance.now();
    this.experiment.edit(edit);
    const { loss, columns } = this.experiment.evaluate();
    const progress = await this.#readBack([loss], [columns], this.#step, t0);
    const row = progress.rows[0]!;
    return { loss: row.loss, progress: { ...progress, rows: [] } };
  }

  /** The curves and units where the model stands now, with no new rows (a display setting changed). */
  async view(): Promise<Progress> {
    const { loss, columns } = this.experiment.evaluate();
    const progress = await this.#readBack([loss], [columns], this.#step, performance.now());
    return { ...progress, rows: [] };
  }

  dispose(): void {
    this.experiment.dispose();
  }

  #healthy(row: StepRow): boolean {
    const limit = RUNAWAY_FACTOR * Math.max(this.#initialLoss, 1e-3);
    return Number.isFinite(row.loss) && row.loss <= limit && row.columns.every((v, j) => Number.isFinite(v) || this.#retired.has(j));
  }

  #runaway(value: number, start: number): boolean {
    return !Number.isFinite(value) || value > RUNAWAY_FACTOR * Math.max(start, 1e-3);
  }

  /**
   * A race's run whose loss ran away is retired from its first bad row: the experiment stops
   * training it, its column reads NaN from there, and each row's loss is the mean of the
   * runs still going (in this chunk the device already averaged the bad one in). The run as
   * a whole diverges only when no run is left.
   */
  #retireRunaways(progress: Progress): void {
    const e = this.experiment;
    if (!e.retire) return;
    const retired: NonNullable<Progress['retired']> = [];
    progress.rows.forEach((row) => {
      row.columns.forEach((v, j) => {
        if (this.#retired.has(j) || !this.#runaway(v, this.#initialColumns[j]!)) return;
        if (this.#retired.size + 1 >= row.columns.length) return; // the last run left: the whole run diverges
        this.#retired.add(j);
        e.retire!(j);
        const what = Number.isFinite(v)
          ? `its loss grew to ${fmt(v)}, over ${RUNAWAY_FACTOR}× its starting ${fmt(this.#initialColumns[j]!)}`
          : `its loss became ${v}`;
        retired.push({
          column: e.columnNames[j]!,
          step: row.step,
          message: `${e.columnNames[j]} stopped at step ${row.step}: ${what}. The other runs go on.`,
        });
      });
      if (this.#retired.size === 0) return;
      row.columns = row.columns.map((v, j) => (this.#retired.has(j) ? Number.NaN : v));
      const live = row.columns.filter(Number.isFinite);
      if (live.length) row.loss = live.reduce((a, b) => a + b, 0) / live.length;
    });
    if (retired.length) progress.retired = retired;
  }

  #divergenceMessage(row: StepRow): string {
    const what = Number.isFinite(row.loss)
      ? `the loss grew to ${fmt(row.loss)}, over ${RUNAWAY_FACTOR}× its starting ${fmt(this.#initialLoss)}`
      : `the loss became ${row.loss}`;
    const hint = this.experiment.divergenceHint?.() ?? 'Go back to gentler settings and reset.';
    return `Training stopped at step ${row.step}: ${what}. ${hint}`;
  }

  /** Grow the chunk while it runs well under the target time; shrink it when over. */
  #adapt(ms: number, n: number): void {
    if (n < this.#chunk) return;
    if (ms < TARGET_CHUNK_MS / 2) this.#chunk = Math.min(MAX_CHUNK, this.#chunk * 2);
    else if (ms > TARGET_CHUNK_MS * 2) this.#chunk = Math.max(1, Math.floor(this.#chunk / 2));
  }

  /** Packs losses, columns and curves into one tensor and reads it back once; row i is step firstStep + i. */
  async #readBack(losses: Scalar[], logColumns: Tensor[], firstStep: number, t0: number): Promise<Progress> {
    const n = losses.length;
    const curves = this.experiment.curves();
    const units = this.experiment.units?.();
    const weights = this.experiment.weights?.();
    const [, cols] = curves.shape;
    const packed = tf.tidy(() =>
      tf.concat([
        tf.stack(losses),
        tf.reshape(tf.stack(logColumns), [-1]),
        tf.reshape(tf.transpose(curves), [-1]),
        ...(units ? [tf.reshape(units, [-1])] : []),
        ...(weights ? [weights] : []),
      ]),
    );
    tf.dispose([...losses, ...logColumns, curves, ...(units ? [units] : []), ...(weights ? [weights] : [])]);
    const flat = await packed.data();
    packed.dispose();
    const p = this.experiment.columnNames.length;
    const rows: StepRow[] = Array.from({ length: n }, (_, i) => ({
      step: firstStep + i,
      loss: flat[i]!,
      columns: Array.from(flat.subarray(n + i * p, n + (i + 1) * p)),
    }));
    const g = this.experiment.grid.length;
    const offset = n + n * p;
    const columns = Array.from({ length: cols }, (_, c) => Array.from(flat.subarray(offset + c * g, offset + (c + 1) * g)));
    const unitOffset = offset + cols * g;
    const unitRows = units
      ? Array.from({ length: units.shape[0] }, (_, u) => {
          const k = units.shape[1];
          return Array.from(flat.subarray(unitOffset + u * k, unitOffset + (u + 1) * k));
        })
      : undefined;
    const weightOffset = unitOffset + (units ? units.size : 0);
    const weightValues = weights ? Array.from(flat.subarray(weightOffset, weightOffset + weights.size)) : undefined;
    return {
      step: rows.at(-1)!.step,
      rows,
      ...(weightValues && weightValues.every(Number.isFinite) ? { weights: weightValues } : {}),
      curves: columns.every((col) => col.every(Number.isFinite)) ? columns : null,
      ...(unitRows && unitRows.flat().every(Number.isFinite) ? { units: unitRows } : {}),
      msPerStep: (performance.now() - t0) / n,
      numTensors: tf.memory().numTensors,
    };
  }
}
