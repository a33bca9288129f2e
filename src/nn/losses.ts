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
