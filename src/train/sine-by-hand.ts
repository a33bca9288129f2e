import { batchIndices, datasetSine, linspace, RandomState } from '../data';
import { Linear, ReLU, Sequential, SGD, tf, type Scalar, type Tensor1D, type Tensor2D } from '../nn';
import { learningRateSetting } from './common-settings';
import { columnTensors, type Experiment, type ExperimentDefinition } from './experiment';
import { ModelRun } from './model-run';
import { HandNet, handMSE } from './hand-net';
import type { NumberSetting, Settings } from './settings';

/** Dataset S: y = 2·sin(x) + 5, 1024 points on [−3, 3]. */
export const S = datasetSine();
/** The chart shows every 8th point (128 of the 1024); training uses them all. */
export const SHOWN = { x: S.x.filter((_, i) => i % 8 === 0), y: S.y.filter((_, i) => i % 8 === 0) };
export const GRID = linspace(-3.3, 3.3, 133);
const BATCH = 100;

const hiddenSetting = (defaultWidth: number): NumberSetting => ({
  kind: 'number',
  key: 'hidden',
  label: 'Hidden units',
  min: 1,
  max: 200,
  default: defaultWidth,
  integer: true,
  step: 1,
});
const SEED_SETTING: NumberSetting = { kind: 'number', key: 'seed', label: 'Seed (weights and batches)', min: 0, max: 2 ** 32 - 1, default: 0, integer: true };

/** The 1024 points as column tensors, cut into mini-batches of 100 (the last has 24). */
export class Batches {
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #rng: RandomState | null;
  #epoch: { x: Tensor2D; y: Tensor2D }[] = [];
  #next = 0;

  /** `rng`: a fresh shuffle every epoch (NumPy: `rs.permutation(1024)`); null: in order. */
  constructor(x: Tensor2D, y: Tensor2D, rng: RandomState | null, size = BATCH) {
    this.#x = x;
    this.#y = y;
    this.#rng = rng;
    this.size = size;
    this.#cut();
  }

  readonly size: number;

  get perEpoch(): number {
    return this.#epoch.length;
  }

  /** The batch the next step uses (the same one until `advance`). */
  get current(): { x: Tensor2D; y: Tensor2D } {
    return this.#epoch[this.#next]!;
  }

  advance(): void {
    this.#next++;
    if (this.#next === this.#epoch.length) {
      this.#next = 0;
      if (this.#rng) this.#cut();
    }
  }

  #cut(): void {
    tf.dispose(this.#epoch.flatMap((b) => [b.x, b.y]));
    this.#epoch = batchIndices(this.#x.shape[0], this.size, this.#rng).map((rows) =>
      tf.tidy(() => {
        const index = tf.tensor1d(rows, 'int32');
        // Kept: a new epoch's batches are cut inside a training step's tidy, and outlive it.
        return { x: tf.keep(tf.gather(this.#x, index)), y: tf.keep(tf.gather(this.#y, index)) };
      }),
    );
  }

  dispose(): void {
    tf.dispose(this.#epoch.flatMap((b) => [b.x, b.y]));
  }
}

/**
 * Chapter 5's network by hand (src/train/hand-net.ts) on dataset S: each step takes one
 * mini-batch of 100, runs forward, backward and update, and checks the hand-written
 * gradients against autograd's on the same batch. The logged loss is over all 1024
 * points, so shuffled and sequential batches compare fairly.
 */
export const sineByHand: ExperimentDefinition = {
  id: 'sine-by-hand',
  settings: [
    hiddenSetting(5),
    {
      kind: 'choice',
      key: 'activation',
      label: 'Between the layers',
      options: [
        { value: 'relu', label: 'ReLU' },
        { value: 'none', label: 'Nothing (linear only)' },
      ],
      default: 'relu',
    },
    {
      kind: 'choice',
      key: 'batches',
      label: 'Mini-batches',
      options: [
        { value: 'shuffled', label: 'Shuffled: from across the range' },
        { value: 'sequential', label: 'Sequential: left to right' },
      ],
      default: 'shuffled',
    },
    learningRateSetting(0.01, 1),
    SEED_SETTING,
  ],
  live: ['lr'],
  create: (settings) => new SineByHand(settings),
};

class SineByHand implements Experiment {
  readonly paramNames = ['∂L/∂b₂ by hand', '∂L/∂b₂ autograd', 'largest |hand − autograd|'];
  readonly unitNames: string[];
  readonly grid = GRID;
  readonly data = SHOWN;
  readonly #net: HandNet;
  readonly #batches: Batches;
  readonly #x: Tensor2D;
  readonly #y: Tensor2D;
  readonly #gridX: Tensor2D;
  #lr: number;

  constructor(settings: Settings) {
    const rng = new RandomState(Number(settings.seed));
    this.#net = new HandNet(Number(settings.hidden), settings.activation === 'none' ? 'none' : 'relu', rng);
    this.unitNames = Array.from({ length: Number(settings.hidden) }, (_, j) => `unit ${j + 1}`);
    this.#lr = Number(settings.lr);
    ({ x: this.#x, y: this.#y, gridX: this.#gridX } = columnTensors(S, GRID));
    this.#batches = new Batches(this.#x, this.#y, settings.batches === 'sequential' ? null : rng);
  }

  /**
   * The loss over all points, then on the current batch: forward, backward by hand, the
   * same gradients by autograd, and [hand ∂L/∂b₂, autograd ∂L/∂b₂, largest difference].
   */
  #check(): { loss: Scalar; params: Tensor1D } {
    const net = this.#net;
    const { x, y } = this.#batches.current;
    const loss = handMSE.forward(net.forward(this.#x), this.#y);
    net.backward(handMSE.backward(net.forward(x), y));
    const hand = net.gradients();
    const auto = tf.variableGrads(() => handMSE.forward(net.forward(x), y), net.parameters());
    const autoGrads = net.parameters().map((p) => auto.grads[p.name]!);
    const largest = tf.max(tf.stack(hand.map((g, i) => tf.max(tf.abs(tf.sub(g, autoGrads[i]!))))));
    const db2 = (t: tf.Tensor) => tf.reshape(t, [1]);
    const params = tf.concat([db2(hand[3]!), db2(autoGrads[3]!), tf.reshape(largest, [1])]) as Tensor1D;
    return { loss, params };
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

  /** grid × (1 + hidden): the model, then each hidden unit's part of it, featureⱼ(x)·W₂[j]. */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const parts = tf.mul(this.#net.features(this.#gridX), tf.reshape(this.#net.output.W, [1, -1]));
      return tf.concat([this.#net.forward(this.#gridX), parts], 1) as Tensor2D;
    });
  }

  update(settings: Settings): void {
    if (settings.lr !== undefined) this.#lr = Number(settings.lr);
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
export const sineEpochs: ExperimentDefinition = {
  id: 'sine-epochs',
  settings: [
    hiddenSetting(100),
    { kind: 'number', key: 'batch', label: 'Batch size', min: 1, max: 1024, default: BATCH, integer: true, step: 1 },
    learningRateSetting(0.01, 1),
    { kind: 'number', key: 'momentum', label: 'Momentum', min: 0, max: 0.99, default: 0.9, step: 0.01 },
    SEED_SETTING,
  ],
  live: ['lr'],
  create: (settings) => new SineEpochs(settings),
};

class SineEpochs extends ModelRun {
  readonly paramNames = [];
  readonly unitNames: string[];
  readonly grid = GRID;
  readonly data = SHOWN;
  readonly #hidden: Linear;
  readonly #output: Linear;
  readonly #batches: Batches;
  readonly #gridX: Tensor2D;

  constructor(settings: Settings) {
    const rng = new RandomState(Number(settings.seed));
    const hidden = new Linear(1, Number(settings.hidden), { generator: rng });
    const output = new Linear(Number(settings.hidden), 1, { generator: rng });
    const model = new Sequential(hidden, new ReLU(), output);
    const { x, y, gridX } = columnTensors(S, GRID);
    super(model, new SGD(model.parameters(), { lr: Number(settings.lr), momentum: Number(settings.momentum) }), x, y, [gridX]);
    this.#hidden = hidden;
    this.#output = output;
    this.#gridX = gridX;
    this.unitNames = Array.from({ length: Number(settings.hidden) }, (_, j) => `unit ${j + 1}`);
    this.#batches = new Batches(x, y, rng, Number(settings.batch));
  }

  /** One epoch; the loss logged is over all points before it. */
  override step() {
    const loss = this.fullLoss();
    for (let i = 0; i < this.#batches.perEpoch; i++) {
      const { x, y } = this.#batches.current;
      this.trainOn(x, y).dispose();
      this.#batches.advance();
    }
    return { loss, params: tf.zeros([0]) as Tensor1D };
  }

  curves(): Tensor2D {
    return tf.tidy(() => {
      const h = tf.relu(this.#hidden.forward(this.#gridX));
      const parts = tf.mul(h, tf.reshape(this.#output.weight.value, [1, -1]));
      return tf.concat([this.model.forward(this.#gridX), parts], 1) as Tensor2D;
    });
  }

  override dispose(): void {
    this.#batches.dispose();
    super.dispose();
  }
}
