import { checkSameShape } from './checks';
import { tf, type Scalar, type Tensor } from './tf';

/** A loss compares a prediction with a target of the same shape and returns a scalar. */
export interface Loss {
  forward(input: Tensor, target: Tensor): Scalar;
  /** ∂loss/∂input, written out by hand for the chapter that backpropagates without autograd. */
  gradient(input: Tensor, target: Tensor): Tensor;
}

/** MSELoss = mean((input − target)²); gradient 2(input − target)/n. Same shapes required. */
export class MSELoss implements Loss {
  forward(input: Tensor, target: Tensor): Scalar {
    checkSameShape('MSELoss', input.shape, target.shape);
    return tf.tidy(() => tf.mean(tf.squaredDifference(input, target)));
  }
  gradient(input: Tensor, target: Tensor): Tensor {
    checkSameShape('MSELoss.gradient', input.shape, target.shape);
    return tf.tidy(() => tf.mul(tf.sub(input, target), 2 / input.size));
  }
}

/** L1Loss = mean(|input − target|), the mean absolute error; gradient sign(input − target)/n. */
export class L1Loss implements Loss {
  forward(input: Tensor, target: Tensor): Scalar {
    checkSameShape('L1Loss', input.shape, target.shape);
    return tf.tidy(() => tf.mean(tf.abs(tf.sub(input, target))));
  }
  gradient(input: Tensor, target: Tensor): Tensor {
    checkSameShape('L1Loss.gradient', input.shape, target.shape);
    return tf.tidy(() => tf.mul(tf.sign(tf.sub(input, target)), 1 / input.size));
  }
}
