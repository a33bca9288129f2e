/**
 * Kernels per training step, for each demo's experiment at the chapter's settings, on the
 * backend given: tfjs's profiler counts the kernels one step runs (reshapes and identities
 * that move no data included, as tfjs counts them). Beside it, the cost of one kernel on
 * this backend: a chain of small element-wise kernels, timed to its one read at the end.
 */
import { addBias } from '../../src/nn/linear';
import { startBackend, tf, type BackendName } from '../../src/nn/tf';
import { EXPERIMENTS } from '../../src/train/registry';
import { TrainingRun } from '../../src/train/training-run';
import type { Settings } from '../../src/train/settings';

/** The demos the bench reports: every experiment a chapter trains (the hand-fit and probe ones step too, but no one waits on them). */
const TRAINED = [
  'quadratic-descent',
  'double-relu',
  'relu-fitter',
  'relu-surface',
  'sine-epochs',
  'thermo-linear',
  'thermo-mlp',
  'thermo-custom',
  'activation-race',
  'optimizer-race',
  'playground',
];

async function perStep(backend: BackendName): Promise<Record<string, { kernels: number; dataMoving: number }>> {
  await startBackend(backend);
  const out: Record<string, { kernels: number; dataMoving: number }> = {};
  for (const id of TRAINED) {
    const def = EXPERIMENTS[id]!;
    const defaults = Object.fromEntries(Object.entries(def.settings).map(([k, s]) => [k, s.default])) as Settings;
    const run = new TrainingRun(def, defaults);
    await run.start();
    tf.dispose(Object.values(run.experiment.step()));
    const info = await tf.profile(() => {
      const s = run.experiment.step();
      return [s.loss, s.columns];
    });
    const free = new Set(['Reshape', 'Identity']);
    out[id] = { kernels: info.kernels.length, dataMoving: info.kernels.filter((k) => !free.has(k.name)).length };
    run.dispose();
  }
  return out;
}

/** Milliseconds per kernel: `n` small adds in a chain, one read at the end. */
async function kernelCost(backend: BackendName, n = 2000): Promise<number> {
  await startBackend(backend);
  const one = tf.ones([64]);
  const warm = tf.add(one, one);
  await warm.data();
  warm.dispose();
  const t0 = performance.now();
  let x = tf.clone(one);
  for (let i = 0; i < n; i++) {
    const next = tf.add(x, one);
    x.dispose();
    x = next;
  }
  await x.data();
  const ms = (performance.now() - t0) / n;
  tf.dispose([x, one]);
  return ms;
}

/**
 * Milliseconds per training step of Linear(1, 32) → ReLU → Linear(32, 1) on 1024 points, the
 * races' model, with the biases added by tfjs's own add (its gradient sums dy over the rows)
 * and by the library's `addBias` (the sums as one matMul): interleaved, 5 rounds after a warm one.
 */
async function biasGradient(backend: BackendName, rows = 1024, units = 32, steps = 30): Promise<{ tfjsAdd: number; addBias: number }> {
  await startBackend(backend);
  const rng = (seed: number) => tf.randomUniform([rows, 1], -1, 1, 'float32', seed) as tf.Tensor2D;
  const [x, y] = [rng(7), rng(8)];
  const params = [
    tf.variable(tf.randomNormal([units, 1])),
    tf.variable(tf.randomNormal([units])),
    tf.variable(tf.randomNormal([1, units])),
    tf.variable(tf.randomNormal([1])),
  ];
  const [w1, b1, w2, b2] = params as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const ways = { tfjsAdd: (a: tf.Tensor, b: tf.Tensor) => tf.add(a, b), addBias: (a: tf.Tensor, b: tf.Tensor) => addBias(a, b) as tf.Tensor };
  const ms = { tfjsAdd: 0, addBias: 0 };
  for (let round = 0; round < 6; round++) {
    for (const way of ['tfjsAdd', 'addBias'] as const) {
      const add = ways[way];
      const t0 = performance.now();
      let last: tf.Scalar | null = null;
      for (let i = 0; i < steps; i++) {
        const { value, grads } = tf.variableGrads(() => {
          const h = tf.relu(add(tf.matMul(x, tf.transpose(w1)), b1)) as tf.Tensor2D;
          return tf.mean(tf.squaredDifference(add(tf.matMul(h, tf.transpose(w2)), b2), y)) as tf.Scalar;
        }, params);
        for (const p of params) p.assign(tf.tidy(() => tf.sub(p, tf.mul(1e-6, grads[p.name]!))));
        tf.dispose(Object.values(grads));
        last?.dispose();
        last = value;
      }
      await last!.data();
      last!.dispose();
      if (round > 0) ms[way] += (performance.now() - t0) / steps / 5;
    }
  }
  tf.dispose([x, y, ...params]);
  return ms;
}

(window as unknown as { kernels: { perStep: typeof perStep; kernelCost: typeof kernelCost; biasGradient: typeof biasGradient } }).kernels = {
  perStep,
  kernelCost,
  biasGradient,
};
