import { describe, expect, it } from 'vitest';
import { L1Loss, MSELoss, tf } from '../../../src/nn';
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
