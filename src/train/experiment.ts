import type { Dataset1D } from '../data';
import type { Scalar, Tensor1D, Tensor2D } from '../nn';
import type { Settings, SettingsOf, SettingsSpec } from './settings';

/** One training step's (or an evaluation's) results, still on the device. */
export type StepTensors = {
  /** The loss at the parameters the step started from. */
  loss: Scalar;
  /** The log's other columns (parameters after the step, gradients, a validation loss…). */
  columns: Tensor1D;
};

/**
 * A trainable demo model with its data, loss and optimizer, built from settings. It lives
 * wherever training runs (the worker, or Node in tests); it never touches the DOM.
 */
export interface Experiment<V extends Settings = Settings> {
  /** Names of the log's columns after the loss, in `columns` order (e.g. m₁, b₁, m₂, b₂). */
  readonly columnNames: readonly string[];
  /** Labels for the columns of `curves()` after the first (the model's prediction). */
  readonly unitNames: readonly string[];
  readonly data: Dataset1D;
  /** Points the model never trains on (a validation set), drawn apart from `data`. */
  readonly heldOut?: Dataset1D;
  /** The fit chart's y-range, where the data alone should not set it (a drawn target). */
  readonly yDomain?: [number, number];
  /**
   * For a model of two inputs: the grid's side (both axes) and the target at each grid
   * point (x₁ varying fastest); `grid` then numbers the points and `curves()` has one column.
   */
  readonly surface?: { side: number[]; target: number[] };
  /** Draw these as the loss chart's lines instead of the one loss: a label and the log column ('loss' for the loss). */
  readonly lossSeries?: readonly { label: string; column: string }[];
  /** The fit chart's axis labels (default x and y). */
  readonly axes?: { x: string; y: string };
  /** A curve the reader may draw beside the model's (the one the data came from), over `grid`. */
  readonly reference?: { label: string; y: number[] };
  /** Draw each data point's miss: a segment from the point to the model's curve. */
  readonly residuals?: boolean;
  /** For the quadratic a·x² + b·x + c (log columns a, b, c): draw the loss along a, and over (a, b), on these ranges. */
  readonly landscape?: Landscape;
  /** Two classes in the plane: `grid` numbers the cells of a side × side lattice (x₁ fastest) and `curves()` gives P(class 1) there first. */
  readonly classes?: ClassView;
  /** A network the page draws: its layers, and whether `curves()` holds every hidden unit's output after the prediction. */
  readonly network?: NetworkView;
  /** x positions where `curves()` evaluates the model. */
  readonly grid: readonly number[];
  /** One training step. */
  step(): StepTensors;
  /** The loss and columns now, without training (step 0 of the log). */
  evaluate(): StepTensors;
  /** grid × (1 + units): the prediction, then each unit's own curve. */
  curves(): Tensor2D;
  /**
   * For models made of ReLU units: one row per unit, (m, b, w) in w·relu(m·x + b), so the
   * page can place a handle on each kink at x = −b/m; (m₁, m₂, b, w) for two inputs.
   */
  units?(): Tensor2D;
  /** Every parameter, flattened (for a network diagram): each layer's weight row by row, then its bias. */
  weights?(): Tensor1D;
  /** Moves one unit by hand (a dragged kink): see {@link UnitEdit}. */
  edit?(edit: UnitEdit): void;
  /** What dragging a kink does here, where it differs from the fitter's (move it, change how much it adds). */
  readonly kinkHelp?: string;
  /** Applies the settings that may change mid-run (those marked `live`). */
  update(settings: Partial<V>): void;
  /** What to change when the loss runs away (the training run says where and how far). */
  divergenceHint?(): string;
  /**
   * For a demo of several runs whose log columns are their losses (a race): stops training
   * the run of column `column`, whose loss ran away, while the others go on. From then on its
   * column holds NaN and the logged loss is the mean of the runs still going.
   */
  retire?(column: number): void;
  dispose(): void;
}

/**
 * A reader's change to one ReLU unit: its kink moved to x = `kink` (b ← −m·kink), and/or
 * the slope of its active side set to `slope` (w ← slope/m).
 */
export interface UnitEdit {
  unit: number;
  kink?: number;
  slope?: number;
}

export interface ExperimentDefinition<S extends SettingsSpec = SettingsSpec> {
  id: string;
  settings: S;
  create(settings: SettingsOf<S>): Experiment<SettingsOf<S>>;
}

/** Declares an experiment; its `create` and `update` get settings typed by the spec. */
export const defineExperiment = <const S extends SettingsSpec>(d: ExperimentDefinition<S>): ExperimentDefinition<S> => d;

/** What a run shows besides its progress, the same for the build-time preview and the live page. */
export interface RunView {
  columnNames: string[];
  unitNames: string[];
  data: { x: number[]; y: number[] };
  heldOut?: { x: number[]; y: number[] };
  grid: number[];
  yDomain?: [number, number];
  surface?: { side: number[]; target: number[] };
  lossSeries?: { label: string; column: string }[];
  axes?: { x: string; y: string };
  reference?: { label: string; y: number[] };
  residuals?: boolean;
  landscape?: Landscape;
  classes?: ClassView;
  network?: NetworkView;
  /** True when the model's units can be moved by hand. */
  editable: boolean;
  kinkHelp?: string;
}

/** Points of two classes (label 0 or 1), training and test, and the side of the lattice the model is drawn over. */
export interface ClassView {
  side: number[];
  train: { x1: number[]; x2: number[]; label: number[] };
  test: { x1: number[]; x2: number[]; label: number[] };
}

/** A stack of fully connected layers: the input names, each hidden layer, and how the output reads. */
export interface NetworkView {
  inputs: string[];
  layers: { units: number; activation: string }[];
  /** True when `curves()` carries each hidden unit's output after the prediction (few enough units). */
  unitsDrawn: boolean;
  /** True when the output is a logit (the curves give σ of it). */
  logits: boolean;
}

/** The ranges of a and b a quadratic's loss landscape is drawn over. */
export interface Landscape {
  a: readonly [number, number];
  b: readonly [number, number];
}

/** The view of an experiment, as plain data (it crosses from the worker to the page). */
export function viewOf(e: Experiment): RunView {
  return {
    columnNames: [...e.columnNames],
    unitNames: [...e.unitNames],
    data: { x: [...e.data.x], y: [...e.data.y] },
    ...(e.heldOut && { heldOut: { x: [...e.heldOut.x], y: [...e.heldOut.y] } }),
    grid: [...e.grid],
    ...(e.yDomain && { yDomain: e.yDomain }),
    ...(e.surface && { surface: e.surface }),
    ...(e.lossSeries && { lossSeries: [...e.lossSeries] }),
    ...(e.axes && { axes: e.axes }),
    ...(e.reference && { reference: { label: e.reference.label, y: [...e.reference.y] } }),
    ...(e.residuals && { residuals: true }),
    ...(e.landscape && { landscape: { a: [...e.landscape.a], b: [...e.landscape.b] } }),
    ...(e.classes && { classes: e.classes }),
    ...(e.network && { network: e.network }),
    editable: Boolean(e.edit),
    ...(e.kinkHelp && { kinkHelp: e.kinkHelp }),
  };
}

/** The usual reason a run diverges, worded for the reader: the learning rate `lr` is too large for `what`. */
export const overshootHint = (lr: number, what = 'this model'): string =>
  `The learning rate (${lr}) is too large for ${what}: each step overshoots the minimum and lands farther from it. Lower the learning rate and reset.`;
