import { Module, Parameter, tf, type Tensor1D, type Tensor2D } from '../nn';

/**
 * ŷ = Σⱼ relu(mⱼ·x + bⱼ): a sum of n ReLU units on a 1-D input, x of shape B × 1 → B × 1.
 * The chapters' "double ReLU" is n = 2. Parameters m and b have shape [n].
 */
export class ReluSum extends Module {
  readonly kind = 'ReluSum';
  readonly m: Parameter;
  readonly b: Parameter;

  /** Starts from the given slopes and offsets (the chapters fix them, no random init). */
  constructor(m: number[], b: number[]) {
    super();
    if (m.length === 0 || m.length !== b.length) {
      throw new RangeError(`ReluSum: need as many slopes as offsets (at least one), got ${m.length} and ${b.length}`);
    }
    this.m = Parameter.from(m);
    this.b = Parameter.from(b);
  }

  get units(): number {
    return this.m.size;
  }

  override ownParameters(): Record<string, Parameter> {
    return { m: this.m, b: this.b };
  }

  /** Each unit's output relu(mⱼx + bⱼ), B × n. */
  unitOutputs(x: Tensor2D): Tensor2D {
    return tf.tidy(() => tf.relu(tf.add(tf.mul(x, this.m.value), this.b.value)) as Tensor2D);
  }

  forward(x: Tensor2D): Tensor2D {
    return tf.tidy(() => tf.sum(this.unitOutputs(x), 1, true) as Tensor2D);
  }

  /** For the fit chart: B × (1 + n), the sum and then each unit's own output. */
  curves(x: Tensor2D): Tensor2D {
    return tf.tidy(() => {
      const units = this.unitOutputs(x);
      return tf.concat([tf.sum(units, 1, true), units], 1) as Tensor2D;
    });
  }

  /** Parameters interleaved per unit, [m₁, b₁, m₂, b₂, …], the order the step log prints. */
  flatParams(): Tensor1D {
    return tf.tidy(() => tf.reshape(tf.stack([this.m.value, this.b.value], 1), [-1]) as Tensor1D);
  }

  override extraRepr(): string {
    return `units=${this.units}`;
  }
}
