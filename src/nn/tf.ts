/**
 * The one file that imports TensorFlow.js. It registers the kernels' gradients and the
 * backends (WebGL in browsers, CPU everywhere), and chooses a backend on request.
 * Everything else imports `tf` from here, so flags and registration happen exactly once.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself; autograd needs them all.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
// Registers 'webgl' only in a browser (it checks for one itself); harmless under Node.
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The wasm binaries ship with the site (Vite copies them and gives their URLs): no CDN.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export { tf };
export type { Tensor, Tensor1D, Tensor2D, Variable, Scalar, Rank } from '@tensorflow/tfjs-core';

/** Backends the site knows how to start: the GPU, WebAssembly, plain JavaScript. */
export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What {@link startBackend} found: the backend running and why it is not the one asked for. */
export interface BackendReport {
  backend: BackendName;
  requested: BackendName;
  /** Set when the requested backend could not start, in words a reader understands. */
  fallbackReason?: string;
}

/**
 * Starts `requested` (WebGL by default) and falls back to the CPU when it can't start.
 * Resolves with the backend actually running; never leaves tfjs without a backend.
 */
export async function startBackend(requested: BackendName = 'webgl'): Promise<BackendReport> {
  let fallbackReason: string | undefined;
  try {
    if (await tf.setBackend(requested)) {
      await tf.ready();
      return { backend: requested, requested };
    }
    fallbackReason = `${requested} could not start in this browser`;
  } catch (err) {
    fallbackReason = `${requested} failed to start: ${err instanceof Error ? err.message : String(err)}`;
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', requested, fallbackReason };
}
