import { checkSameShape } from './checks';
import { tf, type Scalar, type Tensor } from './tf';

/** A loss compares a prediction with a target of the same shape and returns a scalar. */
export interface Loss {
  forward(input: Tensor, target: Tensor): Scalar;
}

/** MSELoss = mean((input − target)²). */
export class MSELoss implements Loss {
  forward(input: Tensor, target: Tensor): Scalar {
    checkSameShape('MSELoss', input.shape, target.shape);
    return tf.tidy(() => tf.mean(tf.squaredDifference(input, target)));
  }
}

/** L1Loss = mean(|input − target|), the mean absolute error. */
export class L1Loss implements Loss {
  forward(input: Tensor, target: Tensor): Scalar {
    checkSameShape('L1Loss', input.shape, target.shape);
    return tf.tidy(() => tf.mean(tf.abs(tf.sub(input, target))));
  }
}

export interface BCEWithLogitsOptions {
  /** How the per-element losses combine: their mean (PyTorch's default) or their sum. */
  reduction?: 'mean' | 'sum';
  /** Weight of the positive examples' term (PyTorch's `pos_weight`, one number here); 1 by default. */
  posWeight?: number;
}

/**
 * BCEWithLogitsLoss: binary cross-entropy on logits z (the model's raw output, before a
 * sigmoid) against targets y in [0, 1]. Per element,
 *   ℓ = −[p·y·log σ(z) + (1 − y)·log(1 − σ(z))],
 * computed as PyTorch does, without forming σ(z): with L = log(1 + e^(−|z|)) + max(−z, 0)
 * (that is −log σ(z), stable for large |z|), ℓ = (1 − y)·z + (1 + (p − 1)·y)·L.
 */
export class BCEWithLogitsLoss implements Loss {
  readonly reduction: 'mean' | 'sum';
  readonly posWeight: number;

  constructor({ reduction = 'mean', posWeight = 1 }: BCEWithLogitsOptions = {}) {
    if (!(Number.isFinite(posWeight) && posWeight >= 0)) throw new RangeError(`BCEWithLogitsLoss: posWeight must be a number ≥ 0, got ${posWeight}`);
    this.reduction = reduction;
    this.posWeight = posWeight;
  }

  forward(input: Tensor, target: Tensor): Scalar {
    checkSameShape('BCEWithLogitsLoss', input.shape, target.shape);
    const p = this.posWeight;
    const scale = this.reduction === 'mean' ? 1 / Math.max(input.size, 1) : 1;
    // The gradient is written out, as PyTorch's backward is: autograd through |z| and max(−z, 0)
    // would give 0 at z = 0, where the true slope is (1 − y) + w·(σ(0) − 1).
    const loss = tf.customGrad((...args: (Tensor | tf.GradSaveFunc)[]) => {
      const [z, y, save] = args as [Tensor, Tensor, tf.GradSaveFunc];
      save([z, y]);
      const minusLogSigmoid = tf.add(tf.log1p(tf.exp(tf.neg(tf.abs(z)))), tf.relu(tf.neg(z)));
      const w = p === 1 ? tf.onesLike(y) : tf.add(1, tf.mul(p - 1, y));
      const perElement = tf.add(tf.mul(tf.sub(1, y), z), tf.mul(w, minusLogSigmoid));
      const value = tf.mul(tf.sum(perElement), scale) as Scalar;
      const gradFunc = (dy: Tensor, saved: Tensor[]) => {
        const [zs, ys] = saved as [Tensor, Tensor];
        const ws = tf.add(1, tf.mul(p - 1, ys));
        const dz = tf.add(tf.sub(1, ys), tf.mul(ws, tf.sub(tf.sigmoid(zs), 1)));
        const mls = tf.add(tf.log1p(tf.exp(tf.neg(tf.abs(zs)))), tf.relu(tf.neg(zs)));
        const dTarget = tf.add(tf.neg(zs), tf.mul(p - 1, mls));
        return [tf.mul(dz, tf.mul(dy, scale)), tf.mul(dTarget, tf.mul(dy, scale))];
      };
      return { value, gradFunc };
    });
    return tf.tidy(() => loss(input, target) as Scalar);
  }
}
