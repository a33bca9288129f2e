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
 * Stochastic gradient descent with torch.optim.SGD's rule: g ← grad + λ·p; with momentum μ,
 * b ← g at first, then b ← μ·b + (1 − τ)·g, and g ← b (g + μ·b with Nesterov); p ← p − lr·g.
 */
export class SGD extends Optimizer {
  readonly options: Required<Omit<SGDOptions, 'lr'>>;
  readonly #buffers = new Map<Parameter, Tensor>();

  constructor(params: Iterable<Parameter>, { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 }: SGDOptions) {
    super('SGD', params, lr);
    checkUnitInterval('SGD', 'momentum', momentum);
    checkUnitInterval('SGD', 'dampening', dampening);
    checkNonNegative('SGD', 'weightDecay', weightDecay);
    if (nesterov && (momentum === 0 || dampening !== 0)) throw new RangeError('SGD: nesterov needs momentum > 0 and dampening = 0');
    this.options = { momentum, dampening, nesterov, weightDecay };
  }

  step(): void {
    const { momentum, dampening, nesterov, weightDecay } = this.options;
    tf.tidy(() => {
      for (const p of this.params) {
        if (!p.grad) continue;
        let g = weightDecay ? tf.add(p.grad, tf.mul(p.value, weightDecay)) : p.grad;
        if (momentum) {
          const old = this.#buffers.get(p);
          const buffer = tf.keep(old ? tf.add(tf.mul(old, momentum), tf.mul(g, 1 - dampening)) : tf.clone(g));
          old?.dispose();
          this.#buffers.set(p, buffer);
          g = nesterov ? tf.add(g, tf.mul(buffer, momentum)) : buffer;
        }
        p.value.assign(tf.sub(p.value, tf.mul(g, this.lr)));
      }
    });
  }

  dispose(): void {
    tf.dispose([...this.#buffers.values()]);
    this.#buffers.clear();
  }
}
