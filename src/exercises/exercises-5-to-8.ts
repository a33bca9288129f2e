/** The exercises of chapters 5 to 8 (the catalog, src/exercises/catalog.ts, lists them all). */
import type { ExerciseDef } from './condition';

const RACE_RUNS = ['ReLU', 'LeakyReLU', 'ELU', 'GELU', 'Softplus', 'Tanh', 'Sigmoid', 'Hardtanh', 'Identity'];
const OPTIMIZER_RUNS = ['SGD', 'SGD + momentum', 'Adam', 'Adam, mini-batches', 'Adam + cosine'];

export const EXERCISES_5_TO_8: readonly ExerciseDef[] = [
  {
    id: 'ch5-dead-units',
    chapter: '05-a-hidden-layer-by-hand',
    demo: 'sine-by-hand',
    experiment: 'sine-by-hand',
    condition: {
      kind: 'reach',
      when: { hidden: 5, activation: 'relu', batches: 'shuffled', loss: 'mse', lr: 0.01 },
      by: 1000,
      bounds: [{ metric: 'loss', below: 0.1 }],
    },
    hints: [
      'A unit whose ReLU is off at every data point gets no gradient and never moves: it is dead from the start. A unit that is on everywhere is alive, but it is only a straight line.',
      'The seed decides where the five units start. Keep five units and try other seeds.',
    ],
    readings: [{ text: '0.054', of: 'solution', step: 1000 }],
    solution: { settings: { seed: 5 }, steps: 1000, note: 'From seed 5 all five units are alive and the loss reaches about 0.054 by step 1000.' },
  },
  {
    id: 'ch5-no-momentum',
    chapter: '05-a-hidden-layer-by-hand',
    demo: 'sine-epochs',
    experiment: 'sine-epochs',
    condition: { kind: 'reach', when: { momentum: 0 }, by: 50, bounds: [{ metric: 'loss', below: 0.02 }] },
    hints: [
      'With momentum 0.9 each update is a decaying sum of past gradients, up to 1/(1 − 0.9) = 10 times one gradient step.',
      'Without momentum, make up for it with a larger learning rate, but not ten times larger: the run diverges before that.',
    ],
    readings: [{ text: '0.012', of: 'solution', step: 50 }],
    solution: { settings: { momentum: 0, lr: 0.05 }, steps: 50, note: 'Momentum 0 with a learning rate of 0.05 gets to about 0.012 in 50 epochs.' },
  },
  {
    id: 'ch6-line-converge',
    chapter: '06-torch-nn-modules',
    demo: 'thermo-linear',
    experiment: 'thermo-linear',
    condition: { kind: 'reach', by: 3000, bounds: [{ metric: 'distance to least squares', below: 0.05 }] },
    hints: [
      'The line is still crawling along a long, shallow valley at step 3000. A larger learning rate crawls faster, as long as it does not overshoot.',
    ],
    solution: { settings: { lr: 0.02 }, steps: 3000, note: 'At 0.02 the line is within about 0.01 of the least-squares pair by epoch 3000.' },
  },
  {
    id: 'ch6-validation',
    chapter: '06-torch-nn-modules',
    demo: 'thermo-mlp',
    experiment: 'thermo-mlp',
    condition: {
      kind: 'reach',
      at: 5000,
      bounds: [
        { metric: 'validation loss', below: 7 },
        { metric: 'loss', below: 2.733 },
      ],
    },
    hints: [
      'With two held-out readings the validation loss depends a lot on where the curve happens to pass between the training readings: watch both losses as you try widths and rates.',
      'Try widths well above 13.',
    ],
    readings: [
      { text: '5.5', of: 'solution', step: 5000, metric: 'validation loss' },
      { text: '1.8', of: 'solution', step: 5000 },
    ],
    solution: {
      settings: { hidden: 50 },
      steps: 5000,
      note: 'With 50 hidden units the validation loss at epoch 5000 is about 5.5 and the training loss about 1.8. Two held-out readings make a noisy judge: another seed or width moves the validation loss a lot, which is a lesson of its own.',
    },
  },
  {
    id: 'ch7-pick-winner',
    chapter: '07-activation-functions',
    demo: 'activation-race',
    experiment: 'activation-race',
    condition: { kind: 'pick', when: { seed: 2 }, among: RACE_RUNS, step: 1000, label: 'Lowest loss at step 1000 with seed 2' },
    hints: [
      'Which activations are smooth (so a few units bend the fit gently) and still pass a gradient for negative inputs (so no unit dies)?',
      'A ReLU unit whose input is negative at every point gets no gradient and stays dead; another seed can kill more of them.',
    ],
    readings: [
      { text: '0.010', of: 'solution', step: 1000, metric: 'GELU' },
      { text: '0.48', of: 'solution', step: 1000, metric: 'ReLU' },
      { text: '0.064', of: 'solution', step: 1000, metric: 'LeakyReLU' },
    ],
    solution: {
      settings: { seed: 2 },
      answer: 'GELU',
      steps: 1000,
      note: 'GELU leads again (about 0.010): smooth, with a gradient for negative inputs. On this seed ReLU stalls near 0.48 with most of its units dead, while LeakyReLU, the same shape with a small slope below zero, keeps them alive (about 0.064).',
    },
  },
  {
    id: 'ch7-all-below',
    chapter: '07-activation-functions',
    demo: 'activation-race',
    experiment: 'activation-race',
    condition: {
      kind: 'reach',
      by: 1000,
      bounds: ['ReLU', 'LeakyReLU', 'ELU', 'GELU', 'Tanh', 'Sigmoid', 'Hardtanh'].map((metric) => ({ metric, below: 0.03 })),
    },
    hints: ["At step 1000 most runs are still falling: Adam's steps are about the learning rate in size. Let every run move faster."],
    readings: [{ text: '0.026', of: 'solution', step: 1000, metric: 'ReLU' }],
    solution: {
      settings: { lr: 0.05 },
      steps: 1000,
      note: 'At a learning rate of 0.05 all seven are below 0.03 by step 1000 (ReLU, the slowest, at about 0.026).',
    },
  },
  {
    id: 'ch8-fewest-steps',
    chapter: '08-training-faster',
    demo: 'optimizer-race',
    experiment: 'optimizer-race',
    condition: { kind: 'reach', by: 200, bounds: [{ metric: OPTIMIZER_RUNS, below: 0.003 }] },
    hints: [
      'At the default rate the best run, SGD with momentum, is at about 0.03 after 200 steps: ten times too high.',
      'Momentum multiplies the effective step by up to ten, so it is the run that gains most from a larger rate, and the first to diverge when the rate is too large (0.1 is too large).',
    ],
    readings: [
      { text: '0.03', of: {}, step: 200, metric: 'SGD + momentum' },
      { text: '0.0008', of: 'solution', step: 200, metric: 'SGD + momentum' },
    ],
    plain: ['0.1'],
    solution: { settings: { lr: 0.05 }, steps: 200, note: 'At 0.05, SGD with momentum is below 0.003 by step 100 and about 0.0008 at step 200.' },
  },
  {
    id: 'ch8-plain-sgd',
    chapter: '08-training-faster',
    demo: 'optimizer-race',
    experiment: 'optimizer-race',
    condition: { kind: 'reach', by: 300, bounds: [{ metric: 'SGD', below: 0.04 }] },
    hints: ['Plain SGD has no running sum to lengthen its steps; only the learning rate does. At the default it is at about 0.12 by step 300.'],
    readings: [
      { text: '0.12', of: {}, step: 300, metric: 'SGD' },
      { text: '0.035', of: 'solution', step: 300, metric: 'SGD' },
      { text: '0.001', of: 'solution', step: 300, metric: 'SGD + momentum' },
    ],
    solution: { settings: { lr: 0.03 }, steps: 300, note: 'At 0.03 plain SGD is at about 0.035 by step 300 (and momentum at about 0.001).' },
  },
];
