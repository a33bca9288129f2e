/**
 * The benchmark's baseline: the way a page trains when it doesn't think about it, on the
 * main thread, one `optimizer.minimize` and one synchronous loss read per animation frame.
 * Same model (the double ReLU), data (Q2), loss and learning rate as the demo.
 */
import { datasetQ2 } from '../../src/data';
import { startBackend, tf, type BackendName } from '../../src/nn/tf';

async function run(steps: number, backend: BackendName): Promise<{ backend: string; stepsPerSecond: number; finalLoss: number }> {
  await startBackend(backend);
  // tfjs's own default (the site's runtime turns packing off; a tfjs user would not).
  if (backend === 'webgl') tf.env().set('WEBGL_PACK', true);
  const { x, y } = datasetQ2();
  const xs = tf.tensor1d(x);
  const ys = tf.tensor1d(y);
  const m = tf.variable(tf.tensor1d([0.5, -0.5]));
  const b = tf.variable(tf.tensor1d([0.5, -0.5]));
  const optimizer = tf.train.sgd(0.01);
  const lossFn = () => tf.mean(tf.abs(tf.sub(tf.sum(tf.relu(tf.add(tf.mul(tf.reshape(xs, [-1, 1]), m), b)), 1), ys))) as tf.Scalar;
  let finalLoss = Number.NaN;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    await new Promise(requestAnimationFrame);
    const loss = optimizer.minimize(lossFn, true)!;
    finalLoss = loss.dataSync()[0]!;
    loss.dispose();
  }
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([xs, ys, m, b]);
  optimizer.dispose();
  return { backend: tf.getBackend(), stepsPerSecond: steps / seconds, finalLoss };
}

(window as unknown as { naive: { run: typeof run } }).naive = { run };
document.title = 'naive ready';
