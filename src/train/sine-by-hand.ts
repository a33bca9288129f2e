import { Batches, columnTensors, RandomState, S, S_GRID, S_SHOWN, WindowBatches } from '../data';
import { Linear, ReLU, Sequential, SGD, tf, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment, overshootHint, type Experiment, type StepTensors } from './experiment';
import { ModelExperiment } from './model-experiment';
import { HandNet, handHalfMSE, handMSE } from './hand-net';
import { choice, count, number, seed, type SettingsOf } from './settings';

const BATCH = 100;

const hiddenSetting = (dflt: number) => count('Hidden units', 1, 200, dflt);
const seedSetting = () => seed('Seed (weights and batches)');

const byHandSettings = {
  hidden: hiddenSetting(5),
  activation: choice('Between the layers', { relu: 'ReLU', none: 'Nothing (linear only)' }, 'relu'),
  batches: choice(
    'Mini-batches',
    {
      shuffled: 'Shuffled: from across the range',
      sequential: 'Sequential: left to right',
      window: 'Random window of a shuffled copy (the tutorial’s)',
    },
    'shuffled',
  ),
  init: choice('Initial weights', { uniform: 'Uniform in ±1/√inputs (torch’s)', normal: 'Standard normal, biases 0 (the tutorial’s)' }, 'uniform'),
  loss: choice('Loss', { mse: 'Mean squared error', half: '½ · mean squared error (the tutorial’s)' }, 'mse'),
  lr: learningRateSetting(0.01, 1),
  seed: seedSetting(),
};

/**
 * Chapter 5's network by hand (src/train/hand-net.ts) on dataset S: each step takes one
 * mini-batch of 100, runs forward, backward and update, and checks the hand-written
 * gradients against autograd's on the same batch. The logged loss is over all 1024
 * points, so shuffled and sequential batches compare fairly.
 */
export const sineByHand = defineExperiment({ id: 'sine-by-hand', settings: byHandSettings, create: (s) => new SineByHand(s) });

type ByHandSettings = SettingsOf<typeof byHandSettings>;

class SineByHand implements Experiment<ByHandSettings> {
  readonly columnNames = ['∂L/∂b₂ by hand', '∂L/∂b₂ autograd', 'largest |hand − autograd|'];
  readonly unitNames: string[];
  readonly grid = S_GRID;
  readonly data = S_SHOWN;
  readonly #net: HandNet;
  readonly #batches: Batches | WindowBatches;
  readonly #loss: typeof handMSE;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  #lr: number;

  constructor(s: ByHandSettings) {
    const rng = new RandomState(s.seed);
    this.#net = new HandNet(s.hidden, s.activation, rng, s.init);
    this.#loss = s.loss === 'half' ? handHalfMSE : handMSE;
    this.unitNames = unitNames(s.hidden);
    this.#lr = s.lr;
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(S, S_GRID));
    this.#batches =
      s.batches === 'window'
        ? new WindowBatches(this.#x, this.#y, rng, BATCH)
        : new Batches(this.#x, this.#y, s.batches === 'sequential' ? null : rng, BATCH);
  }

  /**
   * The loss over all points, then on the current batch: forward, backward by hand, the
   * same gradients by autograd, and [hand ∂L/∂b₂, autograd ∂L/∂b₂, largest difference].
   */
  #check(): StepTensors {
    const net = this.#net;
    const { x, y } = this.#batches.current;
    const lossFn = this.#loss;
    const loss = lossFn.forward(net.forward(this.#x), this.#y);
    net.backward(lossFn.backward(net.forward(x), y));
    const hand = net.gradients();
    const auto = tf.variableGrads(() => lossFn.forward(net.forward(x), y), net.parameters());
    const autoGrads = net.parameters().map((p) => auto.grads[p.name]!);
    const largest = tf.max(tf.stack(hand.map((g, i) => tf.max(tf.abs(tf.sub(g, autoGrads[i]!))))));
    const db2 = (t: tf.Tensor) => tf.reshape(t, [1]);
    const columns = tf.concat([db2(hand[3]!), db2(autoGrads[3]!), tf.reshape(largest, [1])]) as Tensor1D;
    return { loss, columns };
  }

  step() {
    return tf.tidy(() => {
      const result = this.#check();
      this.#net.update(this.#lr);
      this.#batches.advance();
      return result;
    });
  }

  evaluate() {
    return tf.tidy(() => this.#check());
  }

  /** grid × (1 + hidden): the model, then each hidden unit's share of it, featureⱼ(x)·W₂[j], as {@link shares} draws it. */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const net = this.#net;
      const prediction = net.forward(this.#gridX);
      return tf.concat([prediction, shares(net.features(this.#gridX), net.output.W, prediction)], 1) as Tensor2D;
    });
  }

  update(s: Partial<ByHandSettings>): void {
    this.#lr = s.lr ?? this.#lr;
  }

  divergenceHint(): string {
    return overshootHint(this.#lr, 'this network');
  }

  dispose(): void {
    this.#net.dispose();
    this.#batches.dispose();
    tf.dispose([this.#x, this.#y, this.#gridX]);
  }
}

/**
 * The same network on the site's library, trained by epochs: each step of the demo is one
 * pass over all 1024 points in shuffled mini-batches, with SGD and momentum.
 */
const epochSettings = {
  hidden: hiddenSetting(100),
  batch: count('Batch size', 1, 1024, BATCH),
  lr: learningRateSetting(0.01, 1),
  momentum: number('Momentum', { min: 0, max: 0.99, default: 0.9, step: 0.01 }),
  seed: seedSetting(),
};
export const sineEpochs = defineExperiment({ id: 'sine-epochs', settings: epochSettings, create: (s) => new SineEpochs(s) });

class SineEpochs extends ModelExperiment {
  readonly columnNames = [];
  readonly unitNames: string[];
  readonly grid = S_GRID;
  readonly data = S_SHOWN;
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #batches: Batches;
  readonly #gridX: Tensor2D;

  constructor(s: SettingsOf<typeof epochSettings>) {
    const rng = new RandomState(s.seed);
    const hidden = new Linear(1, s.hidden, { generator: rng });
    const output = new Linear(s.hidden, 1, { generator: rng });
    const model = new Sequential(hidden, new ReLU(), output);
    const { x, y, gridX } = columnTensors(S, S_GRID);
    super({ model, optimizer: new SGD(model.parameters(), { lr: s.lr, momentum: s.momentum }), x, y, owned: [gridX] });
    this.#hidden = hidden;
    this.#output = output;
    this.#gridX = gridX;
    this.unitNames = unitNames(s.hidden);
    this.#batches = new Batches(x, y, rng, s.batch);
  }

  /** One epoch; the loss logged is over all points before it. */
  override step() {
    const loss = this.fullLoss();
    for (let i = 0; i < this.#batches.perEpoch; i++) {
      const { x, y } = this.#batches.current;
      this.trainOn(x, y).dispose();
      this.#batches.advance();
    }
    return { loss, columns: tf.zeros([0]) as Tensor1D };
  }

  curves(): Tensor2D {
    return tf.tidy(() => {
      const prediction = this.model.forward(this.#gridX);
      return tf.concat([prediction, shares(tf.relu(this.#hidden.forward(this.#gridX)), this.#output.weight.value, prediction)], 1) as Tensor2D;
    });
  }

  override dispose(): void {
    this.#batches.dispose();
    super.dispose();
  }
}

/**
 * Each hidden unit's share of the output, featureⱼ(x)·w₂ⱼ, as the chart draws it: less its
 * own average over the grid, plus the model's average. The model is exactly its average plus
 * every share less the share's average, so each dashed line shows its unit's bend and slope
 * right beside the curve it helps make (the shares themselves lie near 0, far below data
 * around 5, off the chart). A dead unit is a flat line at the model's average height.
 */
function shares(features: tf.Tensor, w2: tf.Tensor, prediction: tf.Tensor): tf.Tensor {
  const parts = tf.mul(features, tf.reshape(w2, [1, -1]));
  return tf.add(tf.sub(parts, tf.mean(parts, 0, true)), tf.mean(prediction));
}

/** Chart labels of a hidden layer's units. */
const unitNames = (n: number): string[] => Array.from({ length: n }, (_, j) => `unit ${j + 1}`);
