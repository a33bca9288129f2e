/**
 * Chapter 6's own module, written as a reader would write one: a subclass of Module with
 * its own parameters, a child module, and a forward that combines them.
 */
import { RandomState } from '../data';
import { Module, Parameter, tf, type Sequential, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { count, seed, type SettingsOf } from './settings';
import { thermometerMlp, ThermometerRun } from './thermometer';

/**
 * A straight line, w·x + b, plus a small Tanh network, `bend`, for whatever the line
 * misses. Its own parameters are w and b (both starting at 0); `bend` is its one child.
 * Nothing registers them: `ownParameters()` and `children()` say what the module holds,
 * and `parameters()` (inherited from Module) walks both, own parameters first, so the
 * optimizer gets all of them as `w`, `b`, `bend.hidden.weight`, ….
 */
export class LineAndBend extends Module {
  readonly kind = 'LineAndBend';
  readonly w = Parameter.from([0], [1, 1]);
  readonly b = Parameter.from([0]);
  readonly bend: Sequential;

  constructor(hidden: number, rng: RandomState) {
    super();
    this.bend = thermometerMlp(hidden, true, rng);
  }

  override ownParameters(): Record<string, Parameter> {
    return { w: this.w, b: this.b };
  }

  override children(): Record<string, Module> {
    return { bend: this.bend };
  }

  forward(x: Tensor2D): Tensor2D {
    return tf.tidy(() => tf.add(tf.add(tf.matMul(x, this.w.value), this.b.value), this.bend.forward(x)));
  }
}

/** The module on the thermometer, trained like chapter 6's other two (SGD, full batch, both losses logged). */
const settings = {
  hidden: count('Hidden units of the bend', 1, 50, 4),
  lr: learningRateSetting(1e-3, 0.1),
  seed: seed('Initial weights seed'),
};
export const thermoCustom = defineExperiment({ id: 'thermo-custom', settings, create: (s) => new ThermoCustom(s) });

class ThermoCustom extends ThermometerRun {
  readonly columnNames = ['validation loss', 'w', 'b'];
  readonly #module: LineAndBend;

  constructor(s: SettingsOf<typeof settings>) {
    const module = new LineAndBend(s.hidden, new RandomState(s.seed));
    super(module, s.lr);
    this.#module = module;
  }

  /** The line's own two parameters, after the step. */
  protected extra(): Tensor1D {
    return tf.tidy(() => tf.concat([tf.reshape(this.#module.w.value, [1]), tf.reshape(this.#module.b.value, [1])]) as Tensor1D);
  }
}
