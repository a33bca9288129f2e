import type { Parameter } from './parameter';
import { tf, type Scalar } from './tf';

/**
 * Runs `loss`, computes ∂loss/∂p for every parameter and ADDS it to `p.grad`, as torch's
 * `loss.backward()` does. A closure, not a method on the loss: tfjs records no graph on
 * tensors, it differentiates a function it can run. Returns the loss (the caller disposes it).
 */
export function backward(loss: () => Scalar, parameters: Parameter[]): Scalar {
  if (parameters.length === 0) throw new RangeError('backward: parameters is empty');
  const { value, grads } = tf.variableGrads(
    loss,
    parameters.map((p) => p.value),
  );
  for (const p of parameters) {
    const g = grads[p.value.name];
    if (g) p.accumulateGrad(g);
  }
  tf.dispose(Object.values(grads));
  return value;
}
