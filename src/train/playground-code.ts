/**
 * The playground's run as code a reader can keep: TypeScript on this site's library, and
 * PyTorch with NumPy's RandomState, both building the same data, the same seeded model and
 * the same training loop as the page, printing the step log (step, train loss, test loss).
 */
import { FEATURES, type FeatureName } from '../data/features';
import { ACTIVATION_INFO as ACTIVATIONS } from './activation-names';
import { DATASETS, featuresOf, lossOf, type PlaygroundSettings } from './playground-spec';
import { csvOf, layersOf } from './text-formats';

const TS_LOSS = { bce: 'BCEWithLogitsLoss', mse: 'MSELoss', mae: 'L1Loss' } as const;
const list = (values: readonly number[]) => `[${values.join(', ')}]`;

/** How each language builds the data: `points` (x1, x2, label) for the plane, `data` (x, y) for a curve. */
function tsData(s: PlaygroundSettings): { imports: string[]; code: string; plane: boolean } {
  const split = (n: string) => `const { train, test } = trainTestSplit(${n}, ${s.split}, ${s.dataSeed});`;
  switch (s.data) {
    case 'q1':
    case 'q2':
    case 'sine':
    case 'thermo':
    case 'drawn':
    case 'csv': {
      if (s.data === 'csv' && csvOf(s.csv).kind === 'classes') {
        const t = csvOf(s.csv) as Extract<ReturnType<typeof csvOf>, { kind: 'classes' }>;
        return {
          imports: [],
          code: `const points = { x1: ${list(t.x1)}, x2: ${list(t.x2)}, label: ${list(t.label)} };\n${split('points.label.length')}`,
          plane: true,
        };
      }
      const make = {
        q1: 'datasetQ1()',
        q2: 'datasetQ2()',
        sine: `datasetSine(${s.points})`,
        thermo: '{ x: THERMOMETER_U.map((u) => 0.1 * u), y: [...THERMOMETER_C] }',
        drawn: `{ x: linspace(-2, 2, 41), y: ${list(s.drawn === '' ? Array(41).fill(0) : s.drawn.split(',').map(Number))} }`,
        csv:
          s.data === 'csv' && s.csv !== ''
            ? (() => {
                const t = csvOf(s.csv) as Extract<ReturnType<typeof csvOf>, { kind: 'curve' }>;
                return `{ x: ${list(t.x)}, y: ${list(t.y)} }`;
              })()
            : '',
      }[s.data];
      const imports = {
        q1: ['datasetQ1'],
        q2: ['datasetQ2'],
        sine: ['datasetSine'],
        thermo: ['THERMOMETER_C', 'THERMOMETER_U'],
        drawn: ['linspace'],
        csv: [],
      }[s.data];
      return { imports, code: `const data = ${make};\n${split('data.x.length')}`, plane: false };
    }
    case 'surface':
      return {
        imports: ['linspace'],
        code: `// The bump 2·exp(−(x₁² + x₂²)/2) on a 21 × 21 grid.
const side = linspace(-2, 2, 21);
const x1 = side.flatMap(() => side);
const x2 = side.flatMap((b) => side.map(() => b));
const points = { x1, x2, label: x1.map((a, i) => 2 * Math.exp(-(a * a + x2[i]! * x2[i]!) / 2)) };
${split('points.label.length')}`,
        plane: true,
      };
    default:
      return {
        imports: [],
        code: `const points = classificationSet('${s.data}', { n: ${s.points}, noise: ${s.noise}, seed: ${s.dataSeed} });\n${split(String(s.points))}`,
        plane: true,
      };
  }
}

const tsOptimizer = (s: PlaygroundSettings) =>
  s.optimizer === 'adam'
    ? `new Adam(model.parameters(), { lr: ${s.lr}, weightDecay: ${s.weightDecay} })`
    : `new SGD(model.parameters(), { lr: ${s.lr}, momentum: ${s.momentum}, weightDecay: ${s.weightDecay} })`;

const TS_SCHEDULE = {
  none: null,
  step: ['StepLR', '{ stepSize: 500, gamma: 0.5 }'],
  exp: ['ExponentialLR', '{ gamma: 0.999 }'],
  cosine: ['CosineAnnealingLR', '{ tMax: 2000 }'],
} as const;

/** The functions that turn rows of the data into input and target tensors. */
function tsTensors(plane: boolean, features: readonly FeatureName[], inputs: number): string {
  return plane
    ? `// Each point's inputs: ${features.map((f) => FEATURES[f].label).join(', ')}.
const inputs = (idx: number[]) =>
  tf.tensor2d(featureRows(idx.map((i) => points.x1[i]!), idx.map((i) => points.x2[i]!), [${features.map((f) => `'${f}'`).join(', ')}]), [idx.length, ${inputs}]);
const targets = (idx: number[]) => tf.tensor2d(idx.map((i) => points.label[i]!), [idx.length, 1]);`
    : `const inputs = (idx: number[]) => tf.tensor2d(idx.map((i) => data.x[i]!), [idx.length, 1]);
const targets = (idx: number[]) => tf.tensor2d(idx.map((i) => data.y[i]!), [idx.length, 1]);`;
}

/** TypeScript on src/nn and src/data (paths from the repository's root) that trains `steps` steps and prints the log. */
export function playgroundTypeScript(s: PlaygroundSettings, steps = 100): string {
  const layers = layersOf(s.layers);
  const features = featuresOf(s);
  const data = tsData(s);
  const inputs = data.plane ? features.length : 1;
  const schedule = TS_SCHEDULE[s.schedule];
  const activations = [...new Set(layers.map((l) => ACTIVATIONS[l.activation].torch))];
  const nn = [
    'Linear',
    'Sequential',
    'backward',
    'tf',
    TS_LOSS[lossOf(s)],
    s.optimizer === 'adam' ? 'Adam' : 'SGD',
    ...activations,
    ...(schedule ? [schedule[0]] : []),
  ];
  const modules = [
    ...layers.flatMap((l, i) => [
      `new Linear(${i === 0 ? inputs : layers[i - 1]!.units}, ${l.units}, { generator: rng })`,
      `new ${ACTIVATIONS[l.activation].torch}()`,
    ]),
    `new Linear(${layers.at(-1)?.units ?? inputs}, 1, { generator: rng })`,
  ];
  const rows = tsTensors(data.plane, features, inputs);
  return `// The playground's run (${DATASETS[s.data]}) on this site's library; run from the repository's root.
import { ${[...new Set(nn)].sort().join(', ')} } from './src/nn';
import { ${s.data in { circle: 1, xor: 1, gauss: 1, spiral: 1 } ? 'classificationSet, ' : ''}trainTestSplit } from './src/data/classification';
import { ${['Batches', 'RandomState', ...data.imports].sort().join(', ')} } from './src/data';
${data.plane ? "import { featureRows } from './src/data/features';\n" : ''}
${data.code}
${rows}
const x = inputs(train);
const y = targets(train);
const testX = inputs(test);
const testY = targets(test);

// The weights draw from one RandomState, layer by layer; the batches then shuffle with it.
const rng = new RandomState(${s.seed});
const model = new Sequential(
${modules.map((m) => `  ${m},`).join('\n')}
);
const lossFn = new ${TS_LOSS[lossOf(s)]}();
const optimizer = ${tsOptimizer(s)};
${schedule ? `const scheduler = new ${schedule[0]}(optimizer, ${schedule[1]});\n` : ''}const batches = new Batches(x, y, rng, ${s.batch});

for (let step = 1; step <= ${steps}; step++) {
  // The log's row: both losses at the parameters this step starts from.
  const [trainLoss, testLoss] = tf.tidy(() => [lossFn.forward(model.forward(x), y), lossFn.forward(model.forward(testX), testY)].map((l) => l.dataSync()[0]!));
  const batch = batches.current;
  optimizer.zeroGrad();
  backward(() => lossFn.forward(model.forward(batch.x), batch.y), model.parameters()).dispose();
  optimizer.step();
  batches.advance();
${schedule ? '  scheduler.step();\n' : ''}  console.log(step, trainLoss, testLoss);
}
`;
}

export { playgroundPyTorch } from './playground-code-py';
