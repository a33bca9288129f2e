import { RandomState } from '../data/random-state';
import { checkPositiveInt } from './checks';
import { Module } from './module';
import { Parameter } from './parameter';
import { tf, type Tensor2D } from './tf';

export interface LinearOptions {
  /** Add a learned bias (default true). */
  bias?: boolean;
  /** Where the initial weights come from. Unseeded when omitted, like torch without manual_seed. */
  generator?: RandomState;
}

/**
 * y = x·Wᵀ + b, for x of shape B × inFeatures; W is outFeatures × inFeatures, b is
 * outFeatures (torch's layout, so `namedParameters()` shows the shapes torch shows).
 * W and b start uniform in ±1/√inFeatures, as torch initialises them, drawn from
 * `generator`: in NumPy, `k = 1/np.sqrt(in)`, `W = rs.uniform(-k, k, (out, in))`, then
 * `b = rs.uniform(-k, k, out)`.
 */
export class Linear extends Module {
  readonly kind = 'Linear';
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    checkPositiveInt('Linear', 'inFeatures', inFeatures);
    checkPositiveInt('Linear', 'outFeatures', outFeatures);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const rng = options.generator ?? new RandomState(Math.floor(Math.random() * 2 ** 32));
    const k = 1 / Math.sqrt(inFeatures);
    this.weight = Parameter.from(rng.uniform(-k, k, outFeatures * inFeatures), [outFeatures, inFeatures]);
    this.bias = options.bias === false ? null : Parameter.from(rng.uniform(-k, k, outFeatures));
  }

  override ownParameters(): Record<string, Parameter> {
    return this.bias ? { weight: this.weight, bias: this.bias } : { weight: this.weight };
  }

  forward(x: Tensor2D): Tensor2D {
    if (x.rank !== 2 || x.shape[1] !== this.inFeatures) {
      throw new RangeError(
        `Linear.forward: input must be B × ${this.inFeatures} (inFeatures), got shape [${x.shape.join(', ')}]`,
      );
    }
    return tf.tidy((): Tensor2D => {
      // An explicit transpose rather than matMul(x, W, false, true): on packed WebGL the
      // transposed-operand path drifted from the CPU result for inner size 1 and odd widths.
      const y: Tensor2D = tf.matMul(x, tf.transpose(this.weight.value));
      return this.bias ? (tf.add(y, this.bias.value) as Tensor2D) : y;
    });
  }

  protected override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
