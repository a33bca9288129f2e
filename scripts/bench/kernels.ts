/**
 * Kernels per training step, for each demo's experiment at the chapter's settings, on the
 * backend given: tfjs's profiler counts the kernels one step runs (reshapes and identities
 * that move no data included, as tfjs counts them). Beside it, the cost of one kernel on
 * this backend: a chain of small element-wise kernels, timed to its one read at the end.
 */
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

(window as unknown as { kernels: { perStep: typeof perStep; kernelCost: typeof kernelCost } }).kernels = { perStep, kernelCost };
