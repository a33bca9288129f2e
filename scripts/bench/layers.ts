/**
 * The baseline a tfjs user would pick: tfjs-layers' `tf.sequential` and `model.fit` on the
 * main thread, as the tfjs examples train, with an `onEpochEnd` callback that draws the
 * progress (one full-batch epoch is one step, as in the demos). Two models, the same data,
 * loss, optimizer and learning rate as the demos they stand beside:
 * - `double-relu`: chapter 4's double ReLU (2 ReLU units summed, MAE, SGD 0.01) on Q2;
 * - `thermo-mlp`: chapter 6's MLP (Linear(1, 13) → Tanh → Linear(13, 1), MSE, SGD 0.001) on T.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { datasetQ2, datasetThermometer } from '../../src/data';
import { startBackend, tf, type BackendName } from '../../src/nn/tf';

type ModelName = 'double-relu' | 'thermo-mlp';

function build(name: ModelName): { model: tfl.Sequential; x: number[]; y: number[] } {
  if (name === 'double-relu') {
    const { x, y } = datasetQ2();
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 2, inputShape: [1], activation: 'relu' }),
        // The sum of the two units: a fixed weight of 1 each, not trained.
        tfl.layers.dense({ units: 1, useBias: false, trainable: false, kernelInitializer: 'ones' }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanAbsoluteError' });
    return { model, x, y };
  }
  const { x, y } = datasetThermometer().train;
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 13, inputShape: [1], activation: 'tanh' }), tfl.layers.dense({ units: 1 })],
  });
  model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
  return { model, x, y };
}

async function run(name: ModelName, epochs: number, backend: BackendName): Promise<{ backend: string; stepsPerSecond: number; finalLoss: number }> {
  await startBackend(backend);
  // tfjs's own default (the site's runtime turns packing off; a tfjs user would not).
  if (backend === 'webgl') tf.env().set('WEBGL_PACK', true);
  const { model, x, y } = build(name);
  const xs = tf.tensor2d(x, [x.length, 1]);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const status = document.querySelector('output')!;
  const bar = document.querySelector('progress')!;
  let finalLoss = Number.NaN;
  const t0 = performance.now();
  await model.fit(xs, ys, {
    epochs,
    batchSize: x.length,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        finalLoss = logs?.loss ?? Number.NaN;
        status.textContent = `epoch ${epoch + 1}: loss ${finalLoss.toFixed(4)}`;
        bar.value = (epoch + 1) / epochs;
      },
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([xs, ys]);
  model.dispose();
  return { backend: tf.getBackend(), stepsPerSecond: epochs / seconds, finalLoss };
}

(window as unknown as { layers: { run: typeof run } }).layers = { run };
document.title = 'layers ready';
