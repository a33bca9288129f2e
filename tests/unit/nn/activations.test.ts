import { describe, expect, it } from 'vitest';
import {
  ELU,
  GELU,
  Hardtanh,
  Identity,
  LeakyReLU,
  ReLU,
  Sigmoid,
  Softplus,
  Tanh,
  tf,
  type Activation,
  type Tensor,
  type Tensor2D,
} from '../../../src/nn';
import { expectClose, values, expectNoLeaks } from '../helpers';

expectNoLeaks();

// Points away from every kink (0, ±1 for Hardtanh, the Softplus threshold), both signs.
const POINTS = [-3.1, -1.7, -0.6, -0.25, 0.15, 0.45, 0.8, 1.6, 2.9];

/** The function at known points, in float64 by hand, where it has a simple closed form. */
const CASES: [string, () => Activation, (x: number) => number][] = [
  ['ReLU', () => new ReLU(), (x) => Math.max(0, x)],
  ['LeakyReLU(0.1)', () => new LeakyReLU(0.1), (x) => (x > 0 ? x : 0.1 * x)],
  ['ELU(0.7)', () => new ELU(0.7), (x) => (x > 0 ? x : 0.7 * Math.expm1(x))],
  ['GELU', () => new GELU(), (x) => x * normalCdf(x)],
  ['Softplus', () => new Softplus(), (x) => Math.log1p(Math.exp(x))],
  ['Softplus(beta 2, threshold 3)', () => new Softplus(2, 3), (x) => (2 * x > 3 ? x : Math.log1p(Math.exp(2 * x)) / 2)],
  ['Tanh', () => new Tanh(), Math.tanh],
  ['Sigmoid', () => new Sigmoid(), (x) => 1 / (1 + Math.exp(-x))],
  ['Hardtanh(-2, 1.2)', () => new Hardtanh(-2, 1.2), (x) => Math.min(1.2, Math.max(-2, x))],
  ['Identity', () => new Identity(), (x) => x],
];

/** Φ(x) via the Abramowitz–Stegun 7.1.26 erf (|error| < 1.5e-7), enough for a float32 check. */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return 0.5 * (1 + (x >= 0 ? erf : -erf));
}

describe.each(CASES)('%s', (_name, make, reference) => {
  const x = () => tf.tensor2d(POINTS, [POINTS.length, 1]);

  it('forward matches the formula', () => {
    const act = make();
    const input = x();
    const out = act.forward(input);
    expect(out.shape).toEqual(input.shape);
    expectClose(values(out), POINTS.map(reference), 2e-6, 2e-6);
    tf.dispose([input, out]);
  });

  it('the hand-written derivative equals autograd and central finite differences', () => {
    const act = make();
    const input = x();
    const derivative = act.derivative(input);
    const auto = tf.grad((t: Tensor) => tf.sum(act.forward(t as Tensor2D)))(input);
    expectClose(values(derivative), values(auto), 1e-6, 1e-6);
    // Finite differences of the float64 formula: an independent check of both.
    const h = 1e-5;
    const fd = POINTS.map((p) => (reference(p + h) - reference(p - h)) / (2 * h));
    expectClose(values(derivative), fd, 2e-5, 1e-4);
    tf.dispose([input, derivative, auto]);
  });
});

describe('activation arguments', () => {
  it('bad settings are refused with the argument and value named', () => {
    expect(() => new Hardtanh(1, -1)).toThrow('Hardtanh: need minVal < maxVal, got 1 and -1');
    expect(() => new Softplus(0)).toThrow('Softplus: beta must be > 0, got 0');
    expect(() => new LeakyReLU(Number.NaN)).toThrow('LeakyReLU: negativeSlope must be a finite number, got NaN');
    expect(() => new ELU(Number.POSITIVE_INFINITY)).toThrow('ELU: alpha must be a finite number, got Infinity');
  });

  it("at its kinks Hardtanh's gradient in training is PyTorch's: 0 at exactly min and max, as the hand-written derivative says", () => {
    const act = new Hardtanh();
    const input = tf.tensor2d([[-1], [1], [-0.5], [2]]);
    const auto = tf.grad((t: Tensor) => tf.sum(act.forward(t as Tensor2D)))(input);
    const derivative = act.derivative(input);
    expect(values(auto)).toEqual([0, 0, 1, 0]);
    expect(values(derivative)).toEqual(values(auto));
    tf.dispose([input, auto, derivative]);
  });

  it('ELU and Softplus stay finite far out, where a naive exp would overflow', () => {
    const input = tf.tensor2d([[-200], [200]]);
    const outs = [new ELU(), new Softplus()].flatMap((a) => [a.forward(input), a.derivative(input)]);
    expect(outs.flatMap(values).every(Number.isFinite)).toBe(true);
    tf.dispose([input, ...outs]);
  });
});
