import { datasetQ2, linspace } from '../data';
import { L1Loss, tf, type Tensor2D } from '../nn';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
import { ReluSum } from './relu-sum';
import type { Settings, SettingSpec } from './settings';

const GRID = linspace(-2.2, 2.2, 89);

/** Where chapter 3's sliders start for 1, 2 and 3 units: each unit's kink in view. */
const STARTS: Record<number, [number, number][]> = {
  1: [[1, 0.5]],
  2: [[2, 1], [-2, 1]],
  3: [[2, -1], [-2, -1], [1, 0.5]],
};

/**
 * Chapter 3: n ReLUs set by hand, relu(m₁x + b₁) + … + relu(mₙx + bₙ), over Q2. Each
 * "step" evaluates where the sliders stand; the curves include every unit, drawn faintly.
 */
export function reluByHand(n: 1 | 2 | 3): ExperimentDefinition {
  const settings: SettingSpec[] = STARTS[n]!.flatMap(([m, b], i) => [
    { kind: 'number', key: `m${i + 1}`, label: `m${i + 1} (slope)`, min: -5, max: 5, default: m, step: 0.1 },
    { kind: 'number', key: `b${i + 1}`, label: `b${i + 1} (offset)`, min: -5, max: 5, default: b, step: 0.1 },
  ]);
  return {
    id: `relu-by-hand-${n}`,
    settings,
    live: settings.map((s) => s.key),
    create: (s) => new ReluByHand(n, s),
  };
}

class ReluByHand implements Experiment {
  readonly paramNames: string[];
  readonly unitNames: string[];
  readonly grid = GRID;
  readonly data = datasetQ2();
  readonly #model: ReluSum;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  readonly #loss = new L1Loss();
  /** The slider values, kept here so an update needs no read-back from the device. */
  readonly #m: number[];
  readonly #b: number[];

  constructor(
    readonly n: number,
    settings: Settings,
  ) {
    const units = Array.from({ length: n }, (_, i) => i + 1);
    this.paramNames = units.flatMap((i) => [`m${i}`, `b${i}`]);
    this.unitNames = units.map((i) => `relu(m${i}·x + b${i})`);
    this.#m = units.map((i) => Number(settings[`m${i}`]));
    this.#b = units.map((i) => Number(settings[`b${i}`]));
    this.#model = new ReluSum(this.#m, this.#b);
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, GRID));
  }

  step() {
    return this.evaluate();
  }

  evaluate() {
    const loss = tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y));
    return { loss, params: this.#model.flatParams() };
  }

  curves(): Tensor2D {
    return this.#model.curves(this.#gridX);
  }

  update(settings: Settings): void {
    this.#m.forEach((_, i) => {
      if (settings[`m${i + 1}`] !== undefined) this.#m[i] = Number(settings[`m${i + 1}`]);
      if (settings[`b${i + 1}`] !== undefined) this.#b[i] = Number(settings[`b${i + 1}`]);
    });
    tf.tidy(() => {
      this.#model.m.value.assign(tf.tensor1d(this.#m));
      this.#model.b.value.assign(tf.tensor1d(this.#b));
    });
  }

  dispose(): void {
    this.#model.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}
