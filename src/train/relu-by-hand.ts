import { columnTensors, datasetQ2, Q_GRID } from '../data';
import { L1Loss, tf, type Tensor2D } from '../nn';
import { defineExperiment, type Experiment } from './experiment';
import { number, type NumberSetting } from './settings';
import { ReluSum } from './relu-sum';

/** Where chapter 3's sliders start for 1, 2 and 3 units: each unit's kink in view. */
const STARTS: Record<number, [number, number][]> = {
  1: [[1, 0.5]],
  2: [
    [2, 1],
    [-2, 1],
  ],
  3: [
    [2, -1],
    [-2, -1],
    [1, 0.5],
  ],
};

type HandSettings = Record<string, number>;

/**
 * Chapter 3: n ReLUs set by hand, relu(m₁x + b₁) + … + relu(mₙx + bₙ), over Q2. Each
 * "step" evaluates where the sliders stand; the curves include every unit, drawn faintly.
 */
export function reluByHand(n: 1 | 2 | 3) {
  const slider = (label: string, dflt: number): NumberSetting => number(label, { min: -5, max: 5, default: dflt, step: 0.1, live: true });
  const settings: Record<string, NumberSetting> = Object.fromEntries(
    STARTS[n]!.flatMap(([m, b], i) => [
      [`m${i + 1}`, slider(`m${i + 1} (slope)`, m)],
      [`b${i + 1}`, slider(`b${i + 1} (offset)`, b)],
    ]),
  );
  return defineExperiment({ id: `relu-by-hand-${n}`, settings, create: (s) => new ReluByHand(n, s) });
}

class ReluByHand implements Experiment<HandSettings> {
  readonly columnNames: string[];
  readonly unitNames: string[];
  readonly grid = Q_GRID;
  readonly data = datasetQ2();
  readonly #model: ReluSum;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  readonly #loss = new L1Loss();
  /** The slider values, kept here so an update needs no read-back from the device. */
  readonly #m: number[];
  readonly #b: number[];

  constructor(n: number, s: HandSettings) {
    const units = Array.from({ length: n }, (_, i) => i + 1);
    this.columnNames = units.flatMap((i) => [`m${i}`, `b${i}`]);
    this.unitNames = units.map((i) => `relu(m${i}·x + b${i})`);
    this.#m = units.map((i) => s[`m${i}`]!);
    this.#b = units.map((i) => s[`b${i}`]!);
    this.#model = new ReluSum(this.#m, this.#b);
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(this.data, Q_GRID));
  }

  step() {
    return this.evaluate();
  }

  evaluate() {
    const loss = tf.tidy(() => this.#loss.forward(this.#model.forward(this.#x), this.#y));
    return { loss, columns: this.#model.flatParams() };
  }

  curves(): Tensor2D {
    return this.#model.curves(this.#gridX);
  }

  update(s: Partial<HandSettings>): void {
    this.#m.forEach((_, i) => {
      this.#m[i] = s[`m${i + 1}`] ?? this.#m[i]!;
      this.#b[i] = s[`b${i + 1}`] ?? this.#b[i]!;
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
