import { tf, type Tensor } from '../nn';

// relu(m, b, x) = max(0, m·x + b), written three ways. All three give the same numbers.

/** 1. For one plain number, with Math.max. */
export function reluNumber(m: number, b: number, x: number): number {
  return Math.max(0, m * x + b);
}

/** 2. For a tensor of inputs, by clipping m·x + b from below at 0 (no upper limit). */
export function reluClip(m: number, b: number, x: Tensor): Tensor {
  return tf.tidy(() => tf.clipByValue(tf.add(tf.mul(m, x), b), 0, Number.POSITIVE_INFINITY));
}

/** 3. With the tensor library's own relu, which also knows its own gradient. */
export function reluTensor(m: number, b: number, x: Tensor): Tensor {
  return tf.tidy(() => tf.relu(tf.add(tf.mul(m, x), b)));
}
