import { Batches, RandomState } from '../data';
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
import { defineExperiment, overshootHint, type ClassView, type NetworkView, type StepTensors } from './experiment';
import { ModelExperiment } from './model-experiment';
import { isClassification, playgroundData, type PlaygroundData } from './playground-data';
import { featuresOf, lossOf, NEURONS_DRAWN, playgroundSettings, type LossName, type PlaygroundSettings } from './playground-spec';
import { layersOf, type HiddenLayer } from './text-formats';

export { featuresOf, playgroundSettings, type PlaygroundSettings } from './playground-spec';

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

const lossModule = (name: LossName): Loss => (name === 'bce' ? new BCEWithLogitsLoss() : name === 'mse' ? new MSELoss() : new L1Loss());

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
    const loss = lossOf(s);
    if (d.kind !== 'classes' && loss === 'bce') {
      throw new RangeError(
        'Binary cross-entropy needs labels 0 and 1, and this data has real-valued targets: choose mean squared or absolute error.',
      );
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
    super({ model, optimizer, loss: lossModule(loss), x, y, owned: [testX, testY, gridX] });
    this.d = d;
    this.layers = layers;
    this.#testX = testX;
    this.#testY = testY;
    this.#gridX = gridX;
    this.#logits = loss === 'bce';
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
    this.network = {
      inputs: d.inputs,
      layers: [...layers],
      unitsDrawn: layers.reduce((n, l) => n + l.units, 0) <= NEURONS_DRAWN,
      logits: this.#logits,
    };
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
