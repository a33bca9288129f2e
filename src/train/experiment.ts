import type { Dataset1D } from '../data';
import { tf, type Scalar, type Tensor1D, type Tensor2D } from '../nn';
import type { Settings, SettingSpec } from './settings';

/**
 * A trainable demo model with its data, loss and optimizer, built from settings. It lives
 * wherever training runs (the worker, or Node in tests); it never touches the DOM.
 */
export interface Experiment {
  /** Names of the parameters the step log prints, in `params` order (e.g. m₁, b₁, m₂, b₂). */
  readonly paramNames: readonly string[];
  /** Labels for the columns of `curves()` after the first (the model's prediction). */
  readonly unitNames: readonly string[];
  readonly data: Dataset1D;
  /** The fit chart's y-range, where the data alone should not set it (a drawn target). */
  readonly yDomain?: [number, number];
  /**
   * For a model of two inputs: the grid's side (both axes) and the target at each grid
   * point (x₁ varying fastest); `grid` then numbers the points and `curves()` has one column.
   */
  readonly surface?: { side: number[]; target: number[] };
  /**
   * Draw these as the loss chart's lines instead of the one loss: each a label and the
   * log column it comes from ('loss' for the loss itself).
   */
  readonly lossSeries?: readonly { label: string; column: string }[];
  /** The fit chart's axis labels (default x and y). */
  readonly axes?: { x: string; y: string };
  /** x positions where `curves()` evaluates the model. */
  readonly grid: readonly number[];
  /** One training step: the loss at the parameters it started from, and the parameters after. */
  step(): { loss: Scalar; params: Tensor1D };
  /** The loss and parameters now, without training (step 0 of the log). */
  evaluate(): { loss: Scalar; params: Tensor1D };
  /** grid × (1 + units): the prediction, then each unit's own curve. */
  curves(): Tensor2D;
  /**
   * For models made of ReLU units: one row per unit, (m, b, w) in w·relu(m·x + b), so the
   * page can place a handle on each kink at x = −b/m; (m₁, m₂, b, w) for two inputs.
   */
  units?(): Tensor2D;
  /** Moves one unit by hand (a dragged kink): see {@link UnitEdit}. */
  edit?(edit: UnitEdit): void;
  /** Applies settings that may change mid-run (see the definition's `live`). */
  update(settings: Settings): void;
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

export interface ExperimentDefinition {
  id: string;
  settings: readonly SettingSpec[];
  /** Settings that apply mid-run; changing any other restarts the run from its seeded start. */
  live: readonly string[];
  create(settings: Settings): Experiment;
}

/** Numbers as a column tensor (n × 1), as the models take them. */
export const column = (values: readonly number[]): Tensor2D => tf.tensor2d(values as number[], [values.length, 1]);

/** A 1-D dataset and a chart grid as column tensors (n × 1). */
export function columnTensors(data: Dataset1D, grid: readonly number[]): { x: Tensor2D; y: Tensor2D; gridX: Tensor2D } {
  return { x: column(data.x), y: column(data.y), gridX: column(grid) };
}
