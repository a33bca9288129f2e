import { describe, expect, it } from 'vitest';
import { BCEWithLogitsLoss, L1Loss, MSELoss, tf, type Tensor } from '../../../src/nn';
import bce from '../../fixtures/bce_with_logits.json';
import { expectNoLeaks } from '../helpers';

expectNoLeaks();

const PRED = [[1.5], [-0.2], [3.0], [0.7]];
const TARGET = [[1.0], [0.3], [1.0], [1.2]];

describe.each([
  ['MSELoss', new MSELoss(), (d: number) => d * d],
  ['L1Loss', new L1Loss(), Math.abs],
] as const)('%s', (_name, loss, perElement) => {
  it('is the mean of the per-element error (torch reduction "mean")', () => {
    const p = tf.tensor2d(PRED);
    const t = tf.tensor2d(TARGET);
    const value = loss.forward(p, t);
    const expected = PRED.reduce((s, [a], i) => s + perElement(a! - TARGET[i]![0]!), 0) / PRED.length;
    expect(value.dataSync()[0]).toBeCloseTo(expected, 6);
    tf.dispose([p, t, value]);
  });

  it('refuses input and target of different shapes, naming both', () => {
    const p = tf.zeros([4, 1]);
    const t = tf.zeros([4]);
    expect(() => loss.forward(p, t)).toThrow('input shape [4, 1] and target shape [4] differ');
    tf.dispose([p, t]);
  });
});

describe('BCEWithLogitsLoss', () => {
  // NumPy, following PyTorch's documented formula (tests/fixtures/loss_fixtures.py); checked against torch 1.13 to 2e-16.
  const logits = bce.logits;
  const targets = bce.targets;

  it.each(bce.cases)('matches PyTorch at pos_weight $posWeight, reduction $reduction: loss and gradient', ({ posWeight, reduction, loss, grad }) => {
    const fn = new BCEWithLogitsLoss({ posWeight, reduction: reduction as 'mean' | 'sum' });
    const z = tf.tensor1d(logits);
    const y = tf.tensor1d(targets);
    const value = fn.forward(z, y);
    const g = tf.grad((x: Tensor) => fn.forward(x, y))(z);
    // float32: relative to the loss; the gradient's entries are at most 1 (or pos_weight) per element.
    expect(Math.abs(value.dataSync()[0]! - loss) / Math.abs(loss)).toBeLessThan(1e-6);
    const got = g.dataSync();
    grad.forEach((expected, i) => expect(got[i], `element ${i} (z = ${logits[i]}, y = ${targets[i]})`).toBeCloseTo(expected, 6));
    tf.dispose([z, y, value, g]);
  });

  it('stays finite for logits far past where σ(z) rounds to 0 or 1 in float32', () => {
    const fn = new BCEWithLogitsLoss();
    const z = tf.tensor1d([-200, 200]);
    const y = tf.tensor1d([1, 0]);
    const value = fn.forward(z, y);
    // Each element is confidently wrong by 200: the loss is 200, not Infinity.
    expect(value.dataSync()[0]).toBeCloseTo(200, 3);
    tf.dispose([z, y, value]);
  });

  it('refuses a negative pos_weight and mismatched shapes', () => {
    expect(() => new BCEWithLogitsLoss({ posWeight: -1 })).toThrow('posWeight must be a number ≥ 0, got -1');
    const p = tf.zeros([4, 1]);
    const t = tf.zeros([4]);
    expect(() => new BCEWithLogitsLoss().forward(p, t)).toThrow('input shape [4, 1] and target shape [4] differ');
    tf.dispose([p, t]);
  });
});
