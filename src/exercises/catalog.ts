/**
 * Every exercise on the site: what it is bound to, what solves it, its hints and its
 * solution. The task itself is prose in the chapter (`<Exercise id="…">task</Exercise>`);
 * everything a test or the progress count needs is here, so the unit tests can run each
 * solution (and each chapter's defaults) on the real experiments. Bounds come from runs
 * measured on the CPU and WebGL backends; each solution clears its bound by a margin.
 */
import type { ExerciseDef } from './condition';

const RACE_RUNS = ['ReLU', 'LeakyReLU', 'ELU', 'GELU', 'Softplus', 'Tanh', 'Sigmoid', 'Hardtanh', 'Identity'];
const OPTIMIZER_RUNS = ['SGD', 'SGD + momentum', 'Adam', 'Adam, mini-batches', 'Adam + cosine'];

export type { ExerciseDef };

export const EXERCISES: readonly ExerciseDef[] = [
  {
    id: 'ch1-fit-mae',
    chapter: '01-functions',
    demo: 'quadratic-by-hand',
    experiment: 'quadratic-by-hand',
    condition: { kind: 'reach', when: { loss: 'mae' }, bounds: [{ metric: 'loss', below: 2.2 }] },
    hints: [
      'Start from the curve the data came from, a = 3, b = 4, c = 5 (loss 3.43), and lower a and b: from x ≈ 0.7 rightwards nearly every point lies well below that curve.',
      'Move one slider at a time and keep a change only when the loss falls; then go round again, because the best c depends on where a and b are.',
    ],
    solution: { settings: { a: 1.9, b: 1, c: 4 }, note: 'a = 1.9, b = 1, c = 4 gives a mean absolute error of about 2.02.' },
  },
  {
    id: 'ch1-fit-mse',
    chapter: '01-functions',
    demo: 'quadratic-by-hand',
    experiment: 'quadratic-by-hand',
    condition: { kind: 'reach', when: { loss: 'mse' }, bounds: [{ metric: 'loss', below: 7.6 }] },
    hints: [
      'Squared errors make the few far-off points count much more, so the best curve moves towards them.',
      'From a good MAE fit, raise c a little and a a little, watching the loss after each move.',
    ],
    solution: {
      settings: { loss: 'mse', a: 2.1, b: 1.2, c: 4.1 },
      note: 'a = 2.1, b = 1.2, c = 4.1 gives a mean squared error of about 7.41. That curve lies above the best MAE curve (a = 1.9, b = 1, c = 4) at every x: the squares pull it towards the points far above.',
    },
  },
  {
    id: 'ch2-first-step',
    chapter: '02-gradient-descent',
    demo: 'quadratic-descent',
    experiment: 'quadratic-descent',
    condition: { kind: 'number', when: { lr: 0.5 }, metric: 'a', step: 1, tolerance: 0.001, label: 'a after the first step' },
    hints: [
      'The gradient at the start does not depend on the learning rate: the text above gives ∂L/∂a there (the log has it to more digits).',
      'The update is a ← a − η · ∂L/∂a, with η = 0.5 and a = 1.1 at the start. Mind the sign: ∂L/∂a is negative.',
    ],
    solution: {
      settings: { lr: 0.5 },
      answer: '1.8097',
      steps: 1,
      note: 'a ← 1.1 − 0.5 × (−1.4194) = 1.8097: a large learning rate takes the same gradient fifty times further than 0.01 does.',
    },
  },
  {
    id: 'ch2-too-slow',
    chapter: '02-gradient-descent',
    demo: 'quadratic-descent',
    experiment: 'quadratic-descent',
    condition: {
      kind: 'reach',
      when: { loss: 'mae', schedule: 'constant', clear: true },
      at: 200,
      bounds: [{ metric: 'loss', above: 3.5, below: 4.4 }],
    },
    hints: ['Each step moves the parameters by the learning rate times a gradient of at most about 1.5 here. How far can 200 steps of 0.001 go?'],
    solution: { settings: { lr: 0.001 }, steps: 200, note: 'At a learning rate of 0.001 the loss has only come down to about 3.90 after 200 steps.' },
  },
  {
    id: 'ch2-fast',
    chapter: '02-gradient-descent',
    demo: 'quadratic-descent',
    experiment: 'quadratic-descent',
    condition: { kind: 'reach', when: { loss: 'mae', clear: true }, by: 100, bounds: [{ metric: 'loss', below: 2.1 }] },
    hints: ['The default rate, 0.01, is still far from the minimum after 200 steps. Try ten times larger.'],
    solution: { settings: { lr: 0.1 }, steps: 100, note: 'At 0.1 the loss is about 2.05 after 100 steps.' },
  },
  {
    id: 'ch2-diverge',
    chapter: '02-gradient-descent',
    demo: 'quadratic-descent',
    experiment: 'quadratic-descent',
    condition: { kind: 'diverge', when: { loss: 'mse', lr: { below: 0.25 } } },
    hints: [
      'With the mean squared error, 0.2 settles and 0.3 diverges: the edge lies between them. Halve the gap and try again.',
      'Just below the edge the loss swings up and down and still settles; just above it the swings grow a little each step, so the demo stops the run only after many steps. Watch the loss chart, not only the status line.',
    ],
    solution: {
      settings: { loss: 'mse', lr: 0.24 },
      steps: 100,
      note: 'At 0.24 every swing is a little larger than the one before, and the demo stops the run after a few dozen steps; at 0.22 the swings shrink and the run settles. The edge lies between.',
    },
  },
  {
    id: 'ch3-one-relu',
    chapter: '03-the-relu',
    demo: 'relu-1',
    experiment: 'relu-by-hand-1',
    condition: { kind: 'reach', bounds: [{ metric: 'loss', below: 2.5 }] },
    hints: ['One bent line can follow one side of the bowl. The right-hand side is the steeper one: give the unit a large positive slope.'],
    solution: { settings: { m1: 5, b1: 1 }, note: 'm₁ = 5, b₁ = 1 follows the right side of the bowl: loss about 2.30.' },
  },
  {
    id: 'ch3-two-relus',
    chapter: '03-the-relu',
    demo: 'relu-2',
    experiment: 'relu-by-hand-2',
    condition: { kind: 'reach', bounds: [{ metric: 'loss', below: 1.3 }] },
    hints: [
      "Give one unit the right side (positive slope) and the other the left side (negative slope); the text's 5, 0, −3, 0 gets to 1.6.",
      'The two kinks need not meet at zero: move the left unit’s kink to the left with its offset.',
    ],
    solution: { settings: { m1: 5, b1: 1, m2: -5, b2: -2.8 }, note: 'm₁ = 5, b₁ = 1, m₂ = −5, b₂ = −2.8: loss about 1.24.' },
  },
  {
    id: 'ch3-three-relus',
    chapter: '03-the-relu',
    demo: 'relu-3',
    experiment: 'relu-by-hand-3',
    condition: { kind: 'reach', bounds: [{ metric: 'loss', below: 1.15 }] },
    hints: [
      'Start from the two-unit solution, then use the third unit to bend the bottom of the bowl; the other two may need their kinks moved in towards the middle.',
      'A third unit with a gentle slope (m₃ near 1) and its kink a little left of x = 0 rounds the bottom.',
    ],
    solution: {
      settings: { m1: 5, b1: -0.5, m2: -5, b2: -2.8, m3: 1, b3: 0.3 },
      note: 'Two steep sides and a gentle third unit near the middle: loss about 1.10.',
    },
  },
  {
    id: 'ch4-no-clear',
    chapter: '04-sums-of-relus',
    demo: 'double-relu',
    experiment: 'double-relu',
    condition: { kind: 'reach', when: { clear: false }, at: 40, bounds: [{ metric: 'loss', below: 2 }] },
    hints: ['Unticked, each step is pushed by the sum of every gradient so far. While they point the same way, what happens to the step size?'],
    solution: {
      settings: { clear: false },
      steps: 40,
      note: 'Without clearing, the steps grow while the gradients agree: the loss at step 40 is about 1.96, against 3.88 with clearing.',
    },
  },
  {
    id: 'ch4-three-units',
    chapter: '04-sums-of-relus',
    demo: 'relu-fitter',
    experiment: 'relu-fitter',
    condition: { kind: 'reach', when: { units: 3, target: 'sin' }, bounds: [{ metric: 'loss', below: 0.05 }] },
    hints: [
      'From the default seed, gradient descent settles into a poor arrangement of the three kinks (about 1.23 after 1000 steps) and stays there: where the kinks start decides what it can reach.',
      'Put a kink where the sine turns on each side (x ≈ −0.8 rising, x ≈ 0.8 falling) and the third at the left edge, then press Play: training finishes what your placement started.',
      'Or let a different seed place them: the seed decides where every kink starts.',
    ],
    solution: {
      settings: { units: 3, seed: 4 },
      steps: 1000,
      note: 'From seed 4 the three kinks start where the sine bends, and training reaches about 0.027.',
    },
  },
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
    solution: { settings: { lr: 0.05 }, steps: 200, note: 'At 0.05, SGD with momentum is below 0.003 by step 100 and about 0.0008 at step 200.' },
  },
  {
    id: 'ch8-plain-sgd',
    chapter: '08-training-faster',
    demo: 'optimizer-race',
    experiment: 'optimizer-race',
    condition: { kind: 'reach', by: 300, bounds: [{ metric: 'SGD', below: 0.04 }] },
    hints: ['Plain SGD has no running sum to lengthen its steps; only the learning rate does. At the default it is at about 0.12 by step 300.'],
    solution: { settings: { lr: 0.03 }, steps: 300, note: 'At 0.03 plain SGD is at about 0.035 by step 300 (and momentum at about 0.001).' },
  },
];

/** The exercises of one chapter, in page order. */
export const exercisesOf = (chapter: string): ExerciseDef[] => EXERCISES.filter((e) => e.chapter === chapter);

export function exerciseById(id: string): ExerciseDef {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new RangeError(`No exercise "${id}" in src/exercises/catalog.ts`);
  return e;
}
