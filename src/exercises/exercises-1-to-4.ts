/** The exercises of chapters 1 to 4 (the catalog, src/exercises/catalog.ts, lists them all). */
import type { ExerciseDef } from './condition';

export const EXERCISES_1_TO_4: readonly ExerciseDef[] = [
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
    readings: [
      { text: '3.43', of: { a: 3, b: 4, c: 5 }, step: 0 },
      { text: '2.02', of: 'solution', step: 0 },
    ],
    plain: ['0.7'],
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
    readings: [{ text: '7.41', of: 'solution', step: 0 }],
    plain: ['1.9'],
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
    readings: [
      { text: '1.1', of: 'solution', step: 0, metric: 'a' },
      { text: '−1.4194', of: 'solution', step: 1, metric: 'grad a' },
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
    hints: [
      'Each step moves the parameters by the learning rate times a gradient, and the mean absolute error keeps its gradients small (the first step’s ∂L/∂a is −1.42). How far can 200 steps of 0.001 go?',
    ],
    readings: [
      { text: '−1.42', of: {}, step: 1, metric: 'grad a' },
      { text: '3.90', of: 'solution', step: 200 },
    ],
    solution: { settings: { lr: 0.001 }, steps: 200, note: 'At a learning rate of 0.001 the loss has only come down to about 3.90 after 200 steps.' },
  },
  {
    id: 'ch2-fast',
    chapter: '02-gradient-descent',
    demo: 'quadratic-descent',
    experiment: 'quadratic-descent',
    condition: { kind: 'reach', when: { loss: 'mae', clear: true }, by: 100, bounds: [{ metric: 'loss', below: 2.1 }] },
    hints: ['The default rate, 0.01, is still far from the minimum after 200 steps. Try ten times larger.'],
    readings: [{ text: '2.05', of: 'solution', step: 100 }],
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
    plain: ['0.2', '0.3', '0.22'],
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
    readings: [{ text: '2.30', of: 'solution', step: 0 }],
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
    readings: [
      { text: '1.6', of: { m1: 5, b1: 0, m2: -3, b2: 0 }, step: 0 },
      { text: '1.24', of: 'solution', step: 0 },
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
    readings: [{ text: '1.10', of: 'solution', step: 0 }],
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
    readings: [
      { text: '1.96', of: 'solution', step: 40 },
      { text: '3.88', of: {}, step: 40 },
    ],
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
    readings: [
      { text: '1.23', of: { units: 3, target: 'sin' }, step: 1000 },
      { text: '0.027', of: 'solution', step: 1000 },
    ],
    plain: ['−0.8', '0.8'],
    solution: {
      settings: { units: 3, seed: 4 },
      steps: 1000,
      note: 'From seed 4 the three kinks start where the sine bends, and training reaches about 0.027.',
    },
  },
];
