import { tf, type Tensor, type Variable } from './tf';

/**
 * A trainable tensor and its accumulated gradient, like `torch.nn.Parameter` with `.grad`.
 * `grad` is null until a backward pass reaches it and again after `zeroGrad()`; between,
 * backward passes add to it, as in PyTorch.
 */
export class Parameter {
  readonly value: Variable;
  grad: Tensor | null = null;

  /** Takes a copy of `initial` as the starting value (the caller keeps `initial`). */
  constructor(initial: Tensor) {
    this.value = tf.variable(initial, true);
  }

  /** A float32 parameter holding `values` (row-major) in `shape` (default: a vector). */
  static from(values: readonly number[], shape: number[] = [values.length]): Parameter {
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

  /** grad ← grad + g. Does not take ownership of `g`. */
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
