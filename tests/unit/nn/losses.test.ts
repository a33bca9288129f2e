import { describe, expect, it } from 'vitest';
import { L1Loss, MSELoss, tf, type Tensor } from '../../../src/nn';
import { expectClose, values, expectNoLeaks } from '../helpers';

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

  it('its written-out gradient equals autograd and finite differences', () => {
    const p = tf.tensor2d(PRED);
    const t = tf.tensor2d(TARGET);
    const hand = loss.gradient(p, t);
    const auto = tf.grad((x: Tensor) => loss.forward(x, t))(p);
    expectClose(values(hand), values(auto), 1e-7, 1e-6);
    const flat = PRED.flat();
    const f = (v: number[]) => v.reduce((s, a, i) => s + perElement(a - TARGET[i]![0]!), 0) / v.length;
    const h = 1e-6;
    const fd = flat.map((_, i) => (f(flat.map((v, j) => v + (i === j ? h : 0))) - f(flat.map((v, j) => v - (i === j ? h : 0)))) / (2 * h));
    expectClose(values(hand), fd, 1e-5, 1e-5);
    tf.dispose([p, t, hand, auto]);
  });

  it('refuses input and target of different shapes, naming both', () => {
    const p = tf.zeros([4, 1]);
    const t = tf.zeros([4]);
    expect(() => loss.forward(p, t)).toThrow('input shape [4, 1] and target shape [4] differ');
    tf.dispose([p, t]);
  });
});
