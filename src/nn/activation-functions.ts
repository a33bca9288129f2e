import { tf, type Tensor } from './tf';

/**
 * An activation as a pair: the function and its derivative, both elementwise on tensors.
 * The derivative is written out by hand (chapter 5 backpropagates with it, no autograd);
 * at a kink it takes the value PyTorch's backward uses (0 for ReLU at 0).
 */
export interface ActivationFunction {
  fn(x: Tensor): Tensor;
  derivative(x: Tensor): Tensor;
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** max(0, x); derivative 1 for x > 0, else 0. */
export const relu: ActivationFunction = {
  fn: (x) => tf.relu(x),
  derivative: (x) => tf.step(x, 0),
};

/** x for x > 0, else slope·x; derivative 1 or slope. */
export const leakyRelu = (negativeSlope = 0.01): ActivationFunction => ({
  fn: (x) => tf.leakyRelu(x, negativeSlope),
  derivative: (x) => tf.step(x, negativeSlope),
});

/**
 * x for x > 0, else α(eˣ − 1); derivative 1 or α·eˣ. Written as relu(x) + α·expm1(min(x, 0))
 * because tfjs can't differentiate through a comparison (no gradient for Greater), and exp
 * never sees a large x this way.
 */
export const elu = (alpha = 1): ActivationFunction => ({
  fn: (x) => tf.tidy(() => tf.add(tf.relu(x), tf.mul(alpha, tf.expm1(tf.minimum(x, 0))))),
  derivative: (x) => tf.tidy(() => tf.where(tf.greater(x, 0), tf.onesLike(x), tf.mul(alpha, tf.exp(tf.minimum(x, 0))))),
});

/** x·Φ(x) with the exact Gaussian CDF Φ(x) = ½(1 + erf(x/√2)); derivative Φ(x) + x·φ(x). */
export const gelu: ActivationFunction = {
  fn: (x) => tf.tidy(() => tf.mul(x, tf.mul(0.5, tf.add(1, tf.erf(tf.mul(x, SQRT1_2)))))),
  derivative: (x) =>
    tf.tidy(() => {
      const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(x, SQRT1_2))));
      const pdf = tf.mul(INV_SQRT_2PI, tf.exp(tf.mul(-0.5, tf.square(x))));
      return tf.add(cdf, tf.mul(x, pdf));
    }),
};

/**
 * log(1 + e^{βx})/β, and x itself where βx > threshold (torch's rule); derivative σ(βx) or 1.
 * The switch is a 0/1 mask from `step`, which autograd treats as a constant.
 */
export const softplus = (beta = 1, threshold = 20): ActivationFunction => ({
  fn: (x) =>
    tf.tidy(() => {
      const bx = tf.mul(x, beta);
      const linear = tf.step(tf.sub(bx, threshold), 0);
      return tf.add(tf.mul(linear, x), tf.mul(tf.sub(1, linear), tf.div(tf.softplus(bx), beta)));
    }),
  derivative: (x) =>
    tf.tidy(() => {
      const bx = tf.mul(x, beta);
      return tf.where(tf.greater(bx, threshold), tf.onesLike(x), tf.sigmoid(bx));
    }),
});

/** tanh(x); derivative 1 − tanh²(x). */
export const tanh: ActivationFunction = {
  fn: (x) => tf.tanh(x),
  derivative: (x) => tf.tidy(() => tf.sub(1, tf.square(tf.tanh(x)))),
};

/** σ(x) = 1/(1 + e⁻ˣ); derivative σ(x)(1 − σ(x)). */
export const sigmoid: ActivationFunction = {
  fn: (x) => tf.sigmoid(x),
  derivative: (x) =>
    tf.tidy(() => {
      const s = tf.sigmoid(x);
      return tf.mul(s, tf.sub(1, s));
    }),
};

/**
 * x clipped to [min, max]; derivative 1 strictly inside, 0 outside and at min and max, as
 * PyTorch's. tfjs's own gradient of clipByValue is 1 at the bounds too, so training uses this
 * derivative through a custom gradient (inputs land exactly on ±1 more often than one thinks).
 */
export function hardtanh(minVal = -1, maxVal = 1): ActivationFunction {
  const derivative = (x: Tensor) => tf.tidy(() => tf.cast(tf.logicalAnd(tf.greater(x, minVal), tf.less(x, maxVal)), 'float32'));
  const clip = tf.customGrad<Tensor>((x, save) => {
    (save as tf.GradSaveFunc)([x as Tensor]);
    return { value: tf.clipByValue(x as Tensor, minVal, maxVal), gradFunc: (dy, [saved]) => tf.mul(dy, derivative(saved!)) };
  });
  return { fn: (x) => clip(x), derivative };
}

/** x; derivative 1. */
export const identity: ActivationFunction = {
  fn: (x) => tf.clone(x),
  derivative: (x) => tf.onesLike(x),
};
