import { describe, expect, it } from 'vitest';
import { ReLU, tf } from '../../../src/nn';
import { reluClip, reluNumber, reluTensor } from '../../../src/train/relu-three-ways';
import { expectNoLeaks, values } from '../helpers';

expectNoLeaks();

describe('relu(m, b, x) three ways (chapter 3)', () => {
  it('Math.max, clipping and tf.relu agree at every point, kink included', () => {
    const xs = [-3, -1.5, -0.5, 0, 0.25, 1, 2.5];
    const x = tf.tensor1d(xs);
    for (const [m, b] of [
      [1, 0],
      [2, -1],
      [-1.5, 0.5],
    ] as const) {
      const byNumber = xs.map((v) => reluNumber(m, b, v));
      const clip = reluClip(m, b, x);
      const relu = reluTensor(m, b, x);
      expect(values(clip)).toEqual(byNumber.map(Math.fround));
      expect(values(relu)).toEqual(byNumber.map(Math.fround));
      tf.dispose([clip, relu]);
    }
    x.dispose();
  });

  it('tfjs accepts a plain number where a tensor is expected (it converts it), unlike torch', () => {
    const y = tf.relu(-2);
    expect(y.shape).toEqual([]);
    expect(values(y)).toEqual([0]);
    y.dispose();
  });
});

describe('the compile-time check chapter 3 describes', () => {
  it('a layer refuses a plain number at type-check time (npm run typecheck fails if it compiles)', () => {
    // @ts-expect-error: forward takes a Tensor2D, and a number is not one.
    const y = new ReLU().forward(3);
    // At run time tfjs would have converted it; the compiler is what stops the mistake.
    expect(values(y)).toEqual([3]);
    y.dispose();
  });
});
