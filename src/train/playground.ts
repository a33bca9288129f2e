import { Batches, RandomState } from '../data';
import { FEATURE_NAMES, FEATURES } from '../data/features';
import {
  Adam,
  BCEWithLogitsLoss,
  CosineAnnealingLR,
  ExponentialLR,
  L1Loss,
  Linear,
  MSELoss,
  Sequential,
  SGD,
  StepLR,
  tf,
  type LRScheduler,
  type Loss,
  type Module,
  type Scalar,
  type Tensor1D,
  type Tensor2D,
} from '../nn';
import { ACTIVATIONS } from './activation-catalog';
import { learningRateSetting } from './common-settings';
import { defineExperiment, overshootHint, type ClassView, type NetworkView, type StepTensors } from './experiment';
import { ModelExperiment } from './model-experiment';
import { DATASETS, DRAWN_X, isClassification, playgroundData, type PlaygroundData } from './playground-data';
import { choice, count, flag, number, seed, series, text, type SettingsOf } from './settings';
import { CSV_MAX_ROWS, layersOf, type HiddenLayer } from './text-formats';

/** Above this many hidden units in all, the diagram shows the neurons without each one's own output (it would cost too much to send). */
export const NEURONS_DRAWN = 128;

export const LOSSES = { bce: 'Binary cross-entropy (with logits)', mse: 'Mean squared error', mae: 'Mean absolute error' } as const;
export const SCHEDULES = { none: 'Constant', step: 'Halve every 500 steps', exp: '× 0.999 each step', cosine: 'Cosine to 0 over 2,000 steps' } as const;

const featureFlags = Object.fromEntries(
  FEATURE_NAMES.map((f) => [f, flag(`Feature ${FEATURES[f].label}`, f === 'x1' || f === 'x2', { help: f === 'x1' ? 'Inputs for the 2-D sets.' : undefined })]),
) as Record<(typeof FEATURE_NAMES)[number], ReturnType<typeof flag>>;

export const playgroundSettings = {
  data: choice('Data', DATASETS, 'circle'),
  points: count('Points', 10, 500, 200, { help: 'For the classification sets and S.' }),
  noise: number('Noise', { min: 0, max: 2, default: 0.2, step: 0.05, help: 'Jitter (standard deviation) of the classification sets.' }),
  split: number('Train share', { min: 0.1, max: 0.9, default: 0.5, step: 0.05, help: 'The rest is the test set, never trained on.' }),
  dataSeed: seed('Data seed'),
  ...featureFlags,
  layers: text('Hidden layers', 'layers', '4:tanh,2:tanh', 200, { help: 'Each layer as units:activation, up to 8 layers of up to 64 units.' }),
  loss: choice('Loss', LOSSES, 'bce'),
  optimizer: choice('Optimizer', { sgd: 'SGD', adam: 'Adam' }, 'sgd'),
  lr: learningRateSetting(0.03, 1),
  momentum: number('Momentum', { min: 0, max: 0.99, default: 0, step: 0.01, help: 'SGD only.' }),
  schedule: choice('Schedule', SCHEDULES, 'none'),
  batch: count('Batch size', 1, 500, 10, { help: 'Rows per step; the whole training set when it has fewer.' }),
  weightDecay: number('Weight decay', { min: 0, max: 0.1, default: 0, step: 0.001, help: 'L2 penalty, as torch.optim’s weight_decay.' }),
  seed: seed('Seed (weights and batches)'),
  drawn: series('Your curve', { length: DRAWN_X.length, min: -3, max: 3 }),
  csv: text('Your CSV', 'csv', '', 20_000, { multiline: true, help: `x, y or x1, x2, label (0 or 1); up to ${CSV_MAX_ROWS} rows.` }),
};
export type PlaygroundSettings = SettingsOf<typeof playgroundSettings>;

/** The features the settings turn on, in their fixed order. */
export const featuresOf = (s: PlaygroundSettings) => FEATURE_NAMES.filter((f) => s[f]);

/** Linear → activation for each hidden layer, then Linear(…, 1): positional, like torch's nn.Sequential, initialised from `rng` layer by layer. */
export function buildMlp(inputs: number, layers: readonly HiddenLayer[], rng: RandomState): Sequential {
  const modules: Module[] = [];
  let width = inputs;
  for (const l of layers) {
    modules.push(new Linear(width, l.units, { generator: rng }), ACTIVATIONS[l.activation].make());
    width = l.units;
  }
  modules.push(new Linear(width, 1, { generator: rng }));
  return new Sequential(...modules);
}

const lossOf = (name: keyof typeof LOSSES): Loss => (name === 'bce' ? new BCEWithLogitsLoss() : name === 'mse' ? new MSELoss() : new L1Loss());

/**
 * The reader's network on the reader's data: Linear/activation layers as listed, trained one
 * mini-batch per step by SGD or Adam with an optional schedule. Each row logs, at the
 * parameters the step starts from, the loss on all training rows, the test loss and, for
 * two classes, both accuracies.
 */
export const playground = defineExperiment({ id: 'playground', settings: playgroundSettings, create: (s) => new Playground(s) });

class Playground extends ModelExperiment {
  readonly columnNames: readonly string[];
  readonly unitNames = [];
  readonly grid: readonly number[];
  readonly data: { x: number[]; y: number[] };
  readonly heldOut?: { x: number[]; y: number[] };
  readonly surface?: { side: number[]; target: number[] };
  readonly lossSeries = [
    { label: 'train', column: 'loss' },
    { label: 'test', column: 'test loss' },
  ];
  readonly classes?: ClassView;
  readonly network: NetworkView;
  readonly layers: readonly HiddenLayer[];
  readonly d: PlaygroundData;
  readonly #testX: Tensor2D;
  readonly #testY: Tensor2D;
  readonly #gridX: Tensor2D;
  readonly #batches: Batches;
  readonly #scheduler: LRScheduler | null;
  readonly #logits: boolean;

  constructor(s: PlaygroundSettings) {
    const features = featuresOf(s);
    if (features.length === 0 && (isClassification(s.data) || s.data === 'surface' || s.data === 'csv')) {
      throw new RangeError('No input feature is on: turn on at least one (x₁ and x₂ are the usual two).');
    }
    const d = playgroundData({ ...s, features });
    if (d.kind !== 'classes' && s.loss === 'bce') {
      throw new RangeError('Binary cross-entropy needs labels 0 and 1, and this data has real-valued targets: choose mean squared or absolute error.');
    }
    const rng = new RandomState(s.seed);
    const layers = layersOf(s.layers);
    const model = buildMlp(d.inputs.length, layers, rng);
    const inputs = d.inputs.length;
    const x = tf.tensor2d(d.train.x, [d.train.rows, inputs]);
    const y = tf.tensor2d(d.train.y, [d.train.rows, 1]);
    const testX = tf.tensor2d(d.test.x, [d.test.rows, inputs]);
    const testY = tf.tensor2d(d.test.y, [d.test.rows, 1]);
    const gridX = tf.tensor2d(d.grid.x, [d.grid.rows, inputs]);
    const params = model.parameters();
    const optimizer =
      s.optimizer === 'adam'
        ? new Adam(params, { lr: s.lr, weightDecay: s.weightDecay })
        : new SGD(params, { lr: s.lr, momentum: s.momentum, weightDecay: s.weightDecay });
    super({ model, optimizer, loss: lossOf(s.loss), x, y, owned: [testX, testY, gridX] });
    this.d = d;
    this.layers = layers;
    this.#testX = testX;
    this.#testY = testY;
    this.#gridX = gridX;
    this.#logits = s.loss === 'bce';
    this.#batches = new Batches(x, y, rng, Math.min(s.batch, d.train.rows));
    this.#scheduler =
      s.schedule === 'step'
        ? new StepLR(optimizer, { stepSize: 500, gamma: 0.5 })
        : s.schedule === 'exp'
          ? new ExponentialLR(optimizer, { gamma: 0.999 })
          : s.schedule === 'cosine'
            ? new CosineAnnealingLR(optimizer, { tMax: 2000 })
            : null;
    const classes = d.kind === 'classes';
    this.columnNames = classes ? ['test loss', 'train accuracy', 'test accuracy'] : ['test loss'];
    this.grid = d.kind === 'curve' ? d.gridX : Array.from({ length: d.grid.rows }, (_, i) => i);
    this.data = d.kind === 'curve' ? d.shown.train : { x: [], y: [] };
    if (d.kind === 'curve') this.heldOut = d.shown.test;
    if (d.kind === 'surface') this.surface = { side: d.side, target: d.target };
    if (d.kind === 'classes') this.classes = { side: d.side, ...d.shown };
    this.network = { inputs: d.inputs, layers: [...layers], unitsDrawn: layers.reduce((n, l) => n + l.units, 0) <= NEURONS_DRAWN, logits: this.#logits };
  }

  /** Class 1 where the output passes the threshold: logit 0 for cross-entropy, 0.5 for a regression loss on labels. */
  #accuracy(x: Tensor2D, y: Tensor2D): Tensor1D {
    return tf.tidy(() => {
      const predicted = tf.cast(tf.greater(this.model.forward(x), this.#logits ? 0 : 0.5), 'float32');
      return tf.reshape(tf.mean(tf.cast(tf.equal(predicted, y), 'float32')), [1]) as Tensor1D;
    });
  }

  /** At the parameters now: the test loss and, for two classes, the train and test accuracy. */
  protected override logColumns(): Tensor1D {
    return tf.tidy(() => {
      const test = tf.reshape(this.lossFn.forward(this.model.forward(this.#testX), this.#testY), [1]) as Tensor1D;
      if (this.d.kind !== 'classes') return test;
      return tf.concat([test, this.#accuracy(this.x, this.y), this.#accuracy(this.#testX, this.#testY)]) as Tensor1D;
    });
  }

  /** One mini-batch step; the row holds the loss on all training rows and the columns, both before it. */
  override step(): StepTensors {
    const loss: Scalar = this.fullLoss();
    const columns = tf.tidy(() => this.logColumns());
    const { x, y } = this.#batches.current;
    tf.dispose(this.trainOn(x, y));
    this.#batches.advance();
    this.#scheduler?.step();
    return { loss, columns };
  }

  /** Over the grid: the model's output (σ of the logit for cross-entropy), then every hidden unit's own output when there are few enough to draw. */
  curves(): Tensor2D {
    return tf.tidy(() => {
      const columns: Tensor2D[] = [];
      let h: Tensor2D = this.#gridX;
      const children = Object.values(this.model.children());
      const drawUnits = this.layers.reduce((n, l) => n + l.units, 0) <= NEURONS_DRAWN;
      children.forEach((m, i) => {
        h = m.forward(h);
        // Children alternate Linear, activation; the last is the output layer.
        if (drawUnits && i % 2 === 1) columns.push(h);
      });
      const out = this.#logits ? tf.sigmoid(h) : h;
      return tf.concat([out, ...columns], 1) as Tensor2D;
    });
  }

  /** Every parameter, flattened in order: each Linear's weight (out × in, row by row), then its bias. */
  weights(): Tensor1D {
    return tf.tidy(() => tf.concat(this.model.parameters().map((p) => tf.reshape(p.value, [-1]))) as Tensor1D);
  }

  override dispose(): void {
    this.#batches.dispose();
    super.dispose();
  }

  override divergenceHint(): string {
    return overshootHint(this.optimizer.lr, 'this network');
  }
}
