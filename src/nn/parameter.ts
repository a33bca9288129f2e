import { tf, type Tensor, type Variable } from './tf';

/**
 * A trainable tensor and its gradient, like `torch.nn.Parameter` with `.grad`: null until
 * a backward pass reaches it, then each pass adds to it, until `zeroGrad()`.
 */
export class Parameter {
  readonly value: Variable;
  grad: Tensor | null = null;

  /** Starts from a copy of `initial` (the caller keeps `initial`). */
  constructor(initial: Tensor) {
    this.value = tf.variable(initial, true);
  }

  /** A float32 parameter holding `values` (row-major) in `shape` (default: a vector). */
  static from(values: readonly number[], shape = [values.length]): Parameter {
    const t = tf.tensor(values as number[], shape, 'float32');
    const p = new Parameter(t);
    t.dispose();
    return p;
  }

  get shape(): number[] {
    return this.value.shape;
  }

  get size(): number {
    return this.value.size;
  }

  /** grad ← grad + g (g stays the caller's). */
  accumulateGrad(g: Tensor): void {
    const previous = this.grad;
    this.grad = tf.keep(previous ? tf.add(previous, g) : tf.clone(g));
    previous?.dispose();
  }

  /** Drops the gradient (torch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    this.grad?.dispose();
    this.grad = null;
  }

  dispose(): void {
    this.zeroGrad();
    this.value.dispose();
  }
}
