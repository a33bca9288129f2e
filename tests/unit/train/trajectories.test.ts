import { describe, expect, it } from 'vitest';
import { datasetQ1, datasetQ2 } from '../../../src/data';
import { backward, L1Loss, SGD, tf, type Parameter, type Tensor } from '../../../src/nn';
import fixture from '../../fixtures/trajectories.json';
import { expectClose, param, expectNoLeaks } from '../helpers';

expectNoLeaks();

interface Run {
  losses: number[];
  params: number[][];
}

/**
 * The chapters' hand-written loop on the library: loss, backward, step, and zeroGrad only
 * when `clearGrads` is on. With it off, gradients pile up, as after a forgotten zero_grad().
 */
function descend(
  start: number[],
  predict: (ps: Parameter[], x: Tensor) => Tensor,
  data: { x: number[]; y: number[] },
  lr: number,
  steps: number,
  clearGrads: boolean,
): Run {
  const ps = start.map((v) => param([v], []));
  const x = tf.tensor1d(data.x);
  const y = tf.tensor1d(data.y);
  const mae = new L1Loss();
  const opt = new SGD(ps, { lr });
  const run: Run = { losses: [], params: [] };
  for (let i = 0; i < steps; i++) {
    if (clearGrads) opt.zeroGrad();
    const loss = backward(() => mae.forward(predict(ps, x), y), ps);
    opt.step();
    run.losses.push(loss.dataSync()[0]!);
    loss.dispose();
    run.params.push(ps.map((p) => p.value.dataSync()[0]!));
  }
  opt.zeroGrad();
  tf.dispose([x, y]);
  ps.forEach((p) => p.dispose());
  return run;
}

/** a·x² + b·x + c */
const quadratic = ([a, b, c]: Parameter[], x: Tensor) => tf.add(tf.add(tf.mul(a!.value, tf.square(x)), tf.mul(b!.value, x)), c!.value);

/** relu(m₁x + b₁) + relu(m₂x + b₂) */
const doubleRelu = ([m1, b1, m2, b2]: Parameter[], x: Tensor) =>
  tf.add(tf.relu(tf.add(tf.mul(m1!.value, x), b1!.value)), tf.relu(tf.add(tf.mul(m2!.value, x), b2!.value)));

/** float32 against NumPy's float64: close at every step, and the run really moved. */
function expectTrajectory(run: Run, expected: Run): void {
  expectClose(run.losses, expected.losses, 1e-4, 1e-5);
  run.params.forEach((p, i) => expectClose(p, expected.params[i]!, 1e-4, 1e-5));
}

describe('chapter 2: gradient descent on Q1 with MAE, start (1.1, 1.2, 1.3), lr 0.01', () => {
  const c = fixture.chapter2;
  it(`clearing gradients each step reproduces NumPy's ${c.steps} steps, and the loss falls`, () => {
    const run = descend(c.start, quadratic, datasetQ1(), c.lr, c.steps, true);
    expectTrajectory(run, c.cleared);
    expect(run.losses.at(-1)!).toBeLessThan(run.losses[0]! * 0.8);
  });
  it('forgetting zeroGrad reproduces the accumulating trajectory, which differs', () => {
    const run = descend(c.start, quadratic, datasetQ1(), c.lr, c.steps, false);
    expectTrajectory(run, c.accumulated);
    const gap = Math.max(...run.params.at(-1)!.map((v, i) => Math.abs(v - c.cleared.params.at(-1)![i]!)));
    expect(gap).toBeGreaterThan(0.1);
  });
});

describe('chapter 4: the double ReLU on Q2, start (0.5, 0.5, −0.5, −0.5), lr 0.01, 40 steps', () => {
  const c = fixture.chapter4;
  it('with gradients cleared', () => {
    const run = descend(c.start, doubleRelu, datasetQ2(), c.lr, c.steps, true);
    expectTrajectory(run, c.cleared);
    expect(run.losses.at(-1)!).toBeLessThan(run.losses[0]!);
  });
  it('with gradients accumulating', () => {
    const run = descend(c.start, doubleRelu, datasetQ2(), c.lr, c.steps, false);
    expectTrajectory(run, c.accumulated);
  });
});
