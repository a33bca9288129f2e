import { afterEach, beforeEach, expect } from 'vitest';
import { Parameter, tf, type Tensor } from '../../src/nn';

/** A tensor's values as a plain array (a synchronous read is fine in tests). */
export const values = (t: Tensor): number[] => Array.from(t.dataSync());

/** Every |a[i] − b[i]| ≤ atol + rtol·|b[i]|, reporting the worst element when not. */
export function expectClose(actual: number[], expected: number[], atol: number, rtol = 0): void {
  expect(actual.length).toBe(expected.length);
  let worst = { i: -1, excess: 0 };
  actual.forEach((a, i) => {
    const b = expected[i]!;
    const excess = Math.abs(a - b) - (atol + rtol * Math.abs(b));
    if (!(excess <= worst.excess)) worst = { i, excess };
  });
  if (worst.i >= 0) {
    expect.fail(`element ${worst.i}: ${actual[worst.i]} vs ${expected[worst.i]} (atol ${atol}, rtol ${rtol})`);
  }
}

/** A parameter holding `v` (float32). */
export const param = (v: number[], shape?: number[]): Parameter => Parameter.from(v, shape);

/** Every test in the calling file must dispose what it makes: the tensor count is checked after each. */
export function expectNoLeaks(): void {
  let before = 0;
  beforeEach(() => {
    before = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(before);
  });
}
