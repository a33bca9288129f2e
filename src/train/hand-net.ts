/**
 * Chapter 5: a network with one hidden layer, written without automatic differentiation.
 * Every layer computes its own backward pass by the chain rule, as tensor operations on
 * tfjs. Call forward, then backward, then update, all inside one tf.tidy: the tensors a
 * layer saves for its backward pass live only for that step.
 */
import type { RandomState } from '../data';
import { tf, type Scalar, type Tensor1D, type Tensor2D, type Variable } from '../nn';

/**
 * y = x·W + b, with x of shape B × in, W of shape in × out and b of length out.
 * Starts uniform in ±1/√in from `rng`: in NumPy, `W = rs.uniform(-k, k, (n_in, n_out))`,
 * then `b = rs.uniform(-k, k, n_out)`.
 */
export class HandLinear {
  readonly W: Variable;
  readonly b: Variable;
  /** Saved by forward for backward: the input, and the gradients backward finds. */
  #x: Tensor2D | null = null;
  dW: Tensor2D | null = null;
  db: Tensor1D | null = null;

  /** `init` 'normal': W from a standard normal, b zero (in NumPy `W = rs.normal(0, 1, (n_in, n_out))`). */
  constructor(inputs: number, outputs: number, rng: RandomState, init: 'uniform' | 'normal' = 'uniform') {
    const k = 1 / Math.sqrt(inputs);
    const W = init === 'normal' ? rng.normal(0, 1, inputs * outputs) : rng.uniform(-k, k, inputs * outputs);
    const b = init === 'normal' ? Array.from({ length: outputs }, () => 0) : rng.uniform(-k, k, outputs);
    [this.W, this.b] = tf.tidy(() => [tf.variable(tf.tensor2d(W, [inputs, outputs])), tf.variable(tf.tensor1d(b))]);
  }

  forward(x: Tensor2D): Tensor2D {
    this.#x = x;
    return tf.add(tf.matMul(x, this.W), this.b);
  }

  /**
   * Given dL/dy (B × out): dL/dW = xᵀ·dL/dy, dL/db = the column sums of dL/dy (b was
   * added to every row), and returns dL/dx = dL/dy·Wᵀ for the layer before.
   */
  backward(dy: Tensor2D): Tensor2D {
    if (!this.#x) throw new Error('HandLinear.backward before forward');
    // Explicit transposes: on packed WebGL, matMul's transposed-operand path drifts when
    // the inner size is 1, as dy·Wᵀ's is here.
    this.dW = tf.matMul(tf.transpose(this.#x), dy);
    this.db = tf.sum(dy, 0);
    return tf.matMul(dy, tf.transpose(this.W));
  }

  /** p ← p − lr·dL/dp, in place, outside any gradient bookkeeping (torch's no_grad). */
  update(lr: number): void {
    if (!this.dW || !this.db) throw new Error('HandLinear.update before backward');
    this.W.assign(tf.sub(this.W, tf.mul(lr, this.dW)));
    this.b.assign(tf.sub(this.b, tf.mul(lr, this.db)));
  }

  dispose(): void {
    tf.dispose([this.W, this.b]);
  }
}

/** relu(x) = max(0, x); its derivative is 1 where x > 0 and 0 elsewhere. */
export class HandReLU {
  #mask: Tensor2D | null = null;

  forward(x: Tensor2D): Tensor2D {
    this.#mask = tf.cast(tf.greater(x, 0), 'float32');
    return tf.relu(x);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.#mask) throw new Error('HandReLU.backward before forward');
    return tf.mul(dy, this.#mask);
  }
}

/** Mean squared error over B predictions, and its gradient 2·(ŷ − y)/B. */
export const handMSE = {
  forward: (prediction: Tensor2D, y: Tensor2D): Scalar => tf.mean(tf.square(tf.sub(prediction, y))),
  backward: (prediction: Tensor2D, y: Tensor2D): Tensor2D => tf.mul(2 / prediction.shape[0], tf.sub(prediction, y)),
};

/** Half the mean squared error, as many tutorials write it so that its gradient is (ŷ − y)/B. */
export const handHalfMSE = {
  forward: (prediction: Tensor2D, y: Tensor2D): Scalar => tf.mul(0.5, tf.mean(tf.square(tf.sub(prediction, y)))),
  backward: (prediction: Tensor2D, y: Tensor2D): Tensor2D => tf.mul(1 / prediction.shape[0], tf.sub(prediction, y)),
};

/**
 * Linear(1, hidden) → ReLU → Linear(hidden, 1), or with `activation: 'none'` two linear
 * layers straight after each other (which, as the chapter shows, can only draw a line).
 */
export class HandNet {
  readonly hidden: HandLinear;
  readonly relu: HandReLU | null;
  readonly output: HandLinear;

  constructor(hidden: number, activation: 'relu' | 'none', rng: RandomState, init: 'uniform' | 'normal' = 'uniform') {
    this.hidden = new HandLinear(1, hidden, rng, init);
    this.relu = activation === 'relu' ? new HandReLU() : null;
    this.output = new HandLinear(hidden, 1, rng, init);
  }

  /** The hidden layer's activations (B × hidden): what each unit passes on. */
  features(x: Tensor2D): Tensor2D {
    const h = this.hidden.forward(x);
    return this.relu ? this.relu.forward(h) : h;
  }

  forward(x: Tensor2D): Tensor2D {
    return this.output.forward(this.features(x));
  }

  /** The chain rule, from the loss back to the first layer: each layer's gradients are kept for update. */
  backward(dPrediction: Tensor2D): void {
    const dFeatures = this.output.backward(dPrediction);
    this.hidden.backward(this.relu ? this.relu.backward(dFeatures) : dFeatures);
  }

  update(lr: number): void {
    this.output.update(lr);
    this.hidden.update(lr);
  }

  /** W₁, b₁, W₂, b₂ (for a gradient check, in the order of `gradients`). */
  parameters(): Variable[] {
    return [this.hidden.W, this.hidden.b, this.output.W, this.output.b];
  }

  /** dL/dW₁, dL/db₁, dL/dW₂, dL/db₂ from the last backward. */
  gradients(): (Tensor2D | Tensor1D)[] {
    const { dW: dW1, db: db1 } = this.hidden;
    const { dW: dW2, db: db2 } = this.output;
    if (!dW1 || !db1 || !dW2 || !db2) throw new Error('HandNet.gradients before backward');
    return [dW1, db1, dW2, db2];
  }

  dispose(): void {
    this.hidden.dispose();
    this.output.dispose();
  }
}
