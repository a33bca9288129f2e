import { column, columnTensors, datasetThermometer, leastSquaresLine, linspace, RandomState } from '../data';
import { Linear, Sequential, SGD, Tanh, tf, type Module, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { ModelExperiment } from './model-experiment';
import { count, flag, seed, type SettingsOf } from './settings';

/** Dataset T: inputs 0.1·t_u, Celsius targets; 2 of the 11 readings held out by a seeded permutation. */
const T = datasetThermometer();
const GRID = linspace(1.8, 9, 73);
const AXES = { x: '0.1 · tᵤ (the unknown units)', y: '°C' };

/** The least-squares line through the training points (chapter 6 states it, and logs the distance to it). */
export const LEAST_SQUARES = leastSquaresLine(T.train);

const weightsSeed = () => seed('Initial weights seed');

/**
 * A model, MSELoss and SGD on the training readings, one full-batch step per epoch; the
 * validation loss on the held-out readings is logged beside the training loss.
 */
export abstract class ThermometerRun extends ModelExperiment {
  readonly unitNames: readonly string[] = [];
  readonly grid = GRID;
  readonly data = T.train;
  readonly heldOut = T.val;
  readonly axes = AXES;
  readonly lossSeries = [
    { label: 'training', column: 'loss' },
    { label: 'validation', column: 'validation loss' },
  ];
  readonly #gridX: Tensor2D;
  readonly #valX: Tensor2D;
  readonly #valY: Tensor2D;

  constructor(model: Module, lr: number) {
    const { x, y, gridX } = columnTensors(T.train, GRID);
    const valX = column(T.val.x);
    const valY = column(T.val.y);
    super({ model, optimizer: new SGD(model.parameters(), { lr }), x, y, owned: [gridX, valX, valY] });
    this.#gridX = gridX;
    this.#valX = valX;
    this.#valY = valY;
  }

  /** What the model adds to the log after the validation loss. */
  protected abstract extra(): Tensor1D;

  #validationLoss(): Tensor1D {
    return tf.tidy(() => tf.reshape(this.lossFn.forward(this.model.forward(this.#valX), this.#valY), [1]) as Tensor1D);
  }

  /** Step 0's columns: the validation loss and the model's own, at the seeded start. */
  protected override logColumns(): Tensor1D {
    return tf.tidy(() => tf.concat([this.#validationLoss(), this.extra()]) as Tensor1D);
  }

  /**
   * One epoch, logged by the step log's rule: both losses at the parameters the step starts
   * from (the validation loss, like the training loss, before the update), the model's own
   * columns after it.
   */
  override step() {
    const validation = this.#validationLoss();
    const loss = this.trainOn(this.x, this.y);
    const columns = tf.tidy(() => tf.concat([validation, this.extra()]) as Tensor1D);
    validation.dispose();
    return { loss, columns };
  }

  curves(): Tensor2D {
    return tf.tidy(() => this.model.forward(this.#gridX));
  }
}

/** Linear(1, 1): w and b, and how far they are from the least-squares line. */
const linearSettings = { lr: learningRateSetting(1e-2, 0.1), seed: weightsSeed() };
export const thermoLinear = defineExperiment({ id: 'thermo-linear', settings: linearSettings, create: (s) => new ThermoLinear(s) });

class ThermoLinear extends ThermometerRun {
  readonly columnNames = ['validation loss', 'w', 'b', 'distance to least squares'];
  readonly #layer: Linear;

  constructor(s: SettingsOf<typeof linearSettings>) {
    const layer = new Linear(1, 1, { generator: new RandomState(s.seed) });
    super(new Sequential(layer), s.lr);
    this.#layer = layer;
  }

  protected extra(): Tensor1D {
    const w = tf.reshape(this.#layer.weight.value, [1]);
    const b = tf.reshape(this.#layer.bias!.value, [1]);
    const distance = tf.sqrt(tf.add(tf.square(tf.sub(w, LEAST_SQUARES.w)), tf.square(tf.sub(b, LEAST_SQUARES.b))));
    return tf.concat([w, b, distance]) as Tensor1D;
  }
}

/**
 * Linear(1, H) → Tanh → Linear(H, 1), positional or with named children (the same numbers:
 * names only label the parameters).
 */
const mlpSettings = {
  hidden: count('Hidden units', 1, 50, 13),
  named: flag('Named layers', false, {
    help: 'Sequential({ hidden, activation, output }) instead of positional children: the same numbers, other names.',
  }),
  lr: learningRateSetting(1e-3, 0.1),
  seed: weightsSeed(),
};
export const thermoMlp = defineExperiment({ id: 'thermo-mlp', settings: mlpSettings, create: (s) => new ThermoMlp(s) });

/** The MLP as chapter 6 builds it: named children when `named`, positional otherwise. */
export function thermometerMlp(hidden: number, named: boolean, rng: RandomState): Sequential {
  const layers = { hidden: new Linear(1, hidden, { generator: rng }), activation: new Tanh(), output: new Linear(hidden, 1, { generator: rng }) };
  return named ? new Sequential(layers) : new Sequential(layers.hidden, layers.activation, layers.output);
}

class ThermoMlp extends ThermometerRun {
  readonly columnNames = ['validation loss'];

  constructor(s: SettingsOf<typeof mlpSettings>) {
    super(thermometerMlp(s.hidden, s.named, new RandomState(s.seed)), s.lr);
  }

  protected extra(): Tensor1D {
    return tf.zeros([0]) as Tensor1D;
  }
}
