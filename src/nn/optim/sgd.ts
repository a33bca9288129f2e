import { checkNonNegative, checkUnitInterval } from '../checks';
import type { Parameter } from '../parameter';
import { tf, type Tensor } from '../tf';
import { Optimizer } from './optimizer';

export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

/**
 * Stochastic gradient descent with torch.optim.SGD's rule: g ← grad + λ·p;
 * with momentum μ, b ← g on the first step, then b ← μ·b + (1 − τ)·g, and g ← b
 * (or g + μ·b with Nesterov); finally p ← p − lr·g.
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  readonly #buffers = new Map<Parameter, Tensor>();

  constructor(params: Iterable<Parameter>, options: SGDOptions) {
    super('SGD', params, options.lr);
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.nesterov = options.nesterov ?? false;
    this.weightDecay = options.weightDecay ?? 0;
    checkUnitInterval('SGD', 'momentum', this.momentum);
    checkUnitInterval('SGD', 'dampening', this.dampening);
    checkNonNegative('SGD', 'weightDecay', this.weightDecay);
    if (this.nesterov && (this.momentum === 0 || this.dampening !== 0)) {
      throw new RangeError('SGD: nesterov needs momentum > 0 and dampening = 0');
    }
  }

  step(): void {
    const { lr, momentum, dampening, nesterov, weightDecay } = this;
    tf.tidy(() => {
      for (const p of this.params) {
        if (!p.grad) continue;
        let d: Tensor = p.grad;
        if (weightDecay !== 0) d = tf.add(d, tf.mul(p.value, weightDecay));
        if (momentum !== 0) {
          const previous = this.#buffers.get(p);
          const buf = tf.keep(
            previous ? tf.add(tf.mul(previous, momentum), tf.mul(d, 1 - dampening)) : tf.clone(d),
          );
          previous?.dispose();
          this.#buffers.set(p, buf);
          d = nesterov ? tf.add(d, tf.mul(buf, momentum)) : buf;
        }
        p.value.assign(tf.sub(p.value, tf.mul(d, lr)));
      }
    });
  }

  dispose(): void {
    for (const b of this.#buffers.values()) b.dispose();
    this.#buffers.clear();
  }
}
