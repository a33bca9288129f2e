import { checkNonNegative, checkUnitInterval } from '../checks';
import type { Parameter } from '../parameter';
import { tf, type Tensor } from '../tf';
import { Optimizer } from './optimizer';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

interface AdamState {
  step: number;
  m: Tensor;
  v: Tensor;
}

/**
 * Adam with torch.optim.Adam's rule (amsgrad off): g ← grad + λ·p; m ← β₁m + (1 − β₁)g;
 * v ← β₂v + (1 − β₂)g²; p ← p − (lr/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε).
 */
export class Adam extends Optimizer {
  readonly betas: [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly #state = new Map<Parameter, AdamState>();

  constructor(params: Iterable<Parameter>, options: AdamOptions = {}) {
    super('Adam', params, options.lr ?? 1e-3);
    this.betas = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0;
    checkUnitInterval('Adam', 'betas[0]', this.betas[0]);
    checkUnitInterval('Adam', 'betas[1]', this.betas[1]);
    checkNonNegative('Adam', 'eps', this.eps);
    checkNonNegative('Adam', 'weightDecay', this.weightDecay);
  }

  step(): void {
    const [b1, b2] = this.betas;
    const { lr, eps, weightDecay } = this;
    tf.tidy(() => {
      for (const p of this.params) {
        if (!p.grad) continue;
        const g = weightDecay !== 0 ? tf.add(p.grad, tf.mul(p.value, weightDecay)) : p.grad;
        const old = this.#state.get(p);
        const step = (old?.step ?? 0) + 1;
        const m = tf.keep(old ? tf.add(tf.mul(old.m, b1), tf.mul(g, 1 - b1)) : tf.mul(g, 1 - b1));
        const v = tf.keep(old ? tf.add(tf.mul(old.v, b2), tf.mul(tf.square(g), 1 - b2)) : tf.mul(tf.square(g), 1 - b2));
        old?.m.dispose();
        old?.v.dispose();
        this.#state.set(p, { step, m, v });
        const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(1 - b2 ** step)), eps);
        p.value.assign(tf.sub(p.value, tf.mul(tf.div(m, denom), lr / (1 - b1 ** step))));
      }
    });
  }

  dispose(): void {
    for (const s of this.#state.values()) {
      s.m.dispose();
      s.v.dispose();
    }
    this.#state.clear();
  }
}
