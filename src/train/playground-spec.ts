/**
 * The playground's settings and names: what the page's controls, its URL and the code it
 * shows need, without tfjs (the main thread reads this; the worker trains).
 */
import { FEATURE_NAMES, FEATURES } from '../data/features';
import { linspace } from '../data/linspace';
import { choice, count, flag, number, seed, series, text, type SettingsOf } from './settings';
import { CSV_MAX_ROWS } from './text-formats';

/** The x positions of a drawn curve: 41 points on [−2, 2], like chapter 4's fitter. */
export const DRAWN_X = linspace(-2, 2, 41);

export const DATASETS = {
  circle: 'Circle (2 classes)',
  xor: 'XOR (2 classes)',
  gauss: 'Two Gaussians (2 classes)',
  spiral: 'Two spirals (2 classes)',
  q1: 'Q1, chapter 1’s noisy quadratic',
  q2: 'Q2, chapter 4’s noisy quadratic',
  sine: 'S, chapter 5’s sine 2·sin x + 5',
  thermo: 'T, chapter 6’s thermometer',
  surface: 'The bump surface of chapter 4 (2-D)',
  drawn: 'A curve you draw',
  csv: 'Your CSV',
} as const;
export type DatasetName = keyof typeof DATASETS;

/** Above this many hidden units in all, the diagram shows the neurons without each one's own output (it would cost too much to send). */
export const NEURONS_DRAWN = 128;

export const LOSSES = {
  auto: 'Automatic (by the data)',
  bce: 'Binary cross-entropy (with logits)',
  mse: 'Mean squared error',
  mae: 'Mean absolute error',
} as const;
export type LossName = Exclude<keyof typeof LOSSES, 'auto'>;

/** True when the settings' data is two classes (a classification set, or a pasted CSV with labels). */
export const hasClasses = (s: Pick<PlaygroundSettings, 'data' | 'csv'>): boolean =>
  ['circle', 'xor', 'gauss', 'spiral'].includes(s.data) || (s.data === 'csv' && s.csv.split('\n')[0]!.split(',').length === 3);

/** The loss the settings train with: 'auto' resolved by the data. */
export const lossOf = (s: Pick<PlaygroundSettings, 'data' | 'csv' | 'loss'>): LossName =>
  s.loss === 'auto' ? (hasClasses(s) ? 'bce' : 'mse') : s.loss;
export const SCHEDULES = {
  none: 'Constant',
  step: 'Halve every 500 steps',
  exp: '× 0.999 each step',
  cosine: 'Cosine to 0 over 2,000 steps',
} as const;

const featureFlags = Object.fromEntries(
  FEATURE_NAMES.map((f) => [
    f,
    flag(`Feature ${FEATURES[f].label}`, f === 'x1' || f === 'x2', { help: f === 'x1' ? 'Inputs for the 2-D sets.' : undefined }),
  ]),
) as Record<(typeof FEATURE_NAMES)[number], ReturnType<typeof flag>>;

export const playgroundSettings = {
  data: choice('Data', DATASETS, 'circle'),
  points: count('Points', 10, 500, 200, { help: 'For the classification sets and S.' }),
  noise: number('Noise', { min: 0, max: 2, default: 0.2, step: 0.05, help: 'Jitter (standard deviation) of the classification sets.' }),
  split: number('Train share', { min: 0.1, max: 0.9, default: 0.5, step: 0.05, help: 'The rest is the test set, never trained on.' }),
  dataSeed: seed('Data seed'),
  ...featureFlags,
  layers: text('Hidden layers', 'layers', '8:tanh,4:tanh', 200, { help: 'Each layer as units:activation, up to 8 layers of up to 64 units.' }),
  loss: choice('Loss', LOSSES, 'auto', { help: 'Automatic: cross-entropy for two classes, mean squared error otherwise.' }),
  optimizer: choice('Optimizer', { sgd: 'SGD', adam: 'Adam' }, 'adam'),
  lr: number('Learning rate', {
    min: 1e-4,
    max: 1,
    default: 0.03,
    scale: 'log',
    live: true,
    help: 'How far each step moves the parameters along the negative gradient.',
  }),
  momentum: number('Momentum', { min: 0, max: 0.99, default: 0, step: 0.01, help: 'SGD only.' }),
  schedule: choice('Schedule', SCHEDULES, 'none'),
  batch: count('Batch size', 1, 500, 10, { help: 'Rows per step; the whole training set when it has fewer.' }),
  weightDecay: number('Weight decay', { min: 0, max: 0.1, default: 0, step: 0.001, help: 'L2 penalty, as torch.optim’s weight_decay.' }),
  seed: seed('Seed (weights and batches)'),
  drawn: series('Your curve', { length: DRAWN_X.length, min: -3, max: 3, xs: DRAWN_X }),
  csv: text('Your CSV', 'csv', '', 20_000, { multiline: true, help: `x, y or x1, x2, label (0 or 1); up to ${CSV_MAX_ROWS} rows.` }),
};
export type PlaygroundSettings = SettingsOf<typeof playgroundSettings>;

/** The features the settings turn on, in their fixed order. */
export const featuresOf = (s: PlaygroundSettings) => FEATURE_NAMES.filter((f) => s[f]);
