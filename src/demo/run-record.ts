import type { RunView, UnitEdit } from '../train/experiment';
import { StepHistory } from '../train/history';
import type { Progress } from '../train/training-run';

/**
 * What the page knows of the current run, from the trainer's reports: the log, what the
 * charts show, and the numbers the badge and tests read. Written only by the controller.
 */
export class RunRecord {
  /** The run's rows since the last reset, bounded however long it goes (see StepHistory). */
  readonly history = new StepHistory();
  /** What the run shows (null until its first report). */
  view: RunView | null = null;
  /** Columns over the grid: the prediction, then each unit (null while not finite). */
  curves: number[][] | null = null;
  /** For ReLU models: each unit's (m, b, w). */
  units: number[][] | null = null;
  /** Every parameter, flattened, where the experiment sends them (a network diagram draws them). */
  weights: number[] | null = null;
  msPerStep = 0;
  /** Live tensors where training runs: constant from step to step, or memory leaks. */
  numTensors = 0;
  /** How many runs have started (the first one's step 0 is what the build-time preview shows). */
  starts = 0;
  /** A live setting changed mid-run: not every step used the settings now shown. */
  mixed = false;
  /** Why the run was stopped as diverged (null while it has not been). */
  divergence: string | null = null;
  /** Kinks moved by hand since the run began, each with the step it followed (a notebook replays them). */
  edits: { step: number; edit: UnitEdit }[] = [];

  get step(): number {
    return this.history.last?.step ?? 0;
  }

  /** A run went back to step 0. */
  begin(view: RunView, p: Progress): void {
    this.starts++;
    this.view = view;
    this.history.clear();
    this.units = null;
    this.weights = null;
    this.divergence = null;
    this.mixed = false;
    this.edits = [];
    this.accept(p);
  }

  accept(p: Progress): void {
    this.history.push(p.rows);
    if (p.curves) this.curves = p.curves;
    if (p.units) this.units = p.units;
    if (p.weights) this.weights = p.weights;
    if (p.rows.length) this.msPerStep = p.msPerStep;
    this.numTensors = p.numTensors;
  }

  /** A unit moved by hand: the curves and units there (the log is not extended). */
  edited(p: Progress): void {
    if (p.curves) this.curves = p.curves;
    this.units = p.units ?? this.units;
  }
}
