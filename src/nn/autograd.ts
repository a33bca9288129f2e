import type { Parameter } from './parameter';
import { tf, type Scalar } from './tf';

/**
 * Runs `loss`, computes ∂loss/∂p for every parameter, and ADDS it to `p.grad`, so
 * gradients accumulate until `zeroGrad()`, as after torch's `loss.backward()`.
 *
 * Why a closure instead of `loss.backward()`: tfjs records no graph on tensors; it
 * differentiates a function it can run (`tf.variableGrads`). So the forward pass goes
 * inside the closure. Returns the loss (the caller disposes it, and reads it back only
 * when it needs the number: reading forces the GPU to finish).
 */
export function backward(loss: () => Scalar, parameters: Parameter[]): Scalar {
  if (parameters.length === 0) throw new RangeError('backward: parameters is empty');
  const { value, grads } = tf.variableGrads(loss, parameters.map((p) => p.value));
  for (const p of parameters) {
    const g = grads[p.value.name];
    if (g) {
      p.accumulateGrad(g);
      g.dispose();
    }
  }
  return value;
}
