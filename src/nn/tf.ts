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

export { BACKEND_LABELS, BACKENDS, type BackendName } from './backends';
import type { BackendName } from './backends';

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
  let fallbackReason = requested === 'wasm' ? await whyNoWasm() : undefined;
  if (fallbackReason) return fallBack(requested, fallbackReason);
  try {
    // Unpacked textures: our models are small, so a step's cost is its kernel count, and
    // packing adds pack and unpack kernels (and shaders to compile before the first step).
    if (requested === 'webgl') tf.env().set('WEBGL_PACK', false);
    if (await tf.setBackend(requested)) {
      await tf.ready();
      return { backend: requested, requested };
    }
    fallbackReason = `${requested} could not start in this browser`;
  } catch (err) {
    fallbackReason = `${requested} failed to start: ${err instanceof Error ? err.message : String(err)}`;
  }
  return fallBack(requested, fallbackReason);
}

async function fallBack(requested: BackendName, fallbackReason: string): Promise<BackendReport> {
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', requested, fallbackReason };
}

/**
 * Why WebAssembly can't run here, in words that name the cause, or undefined when it can:
 * the browser may lack it, or the page's Content-Security-Policy may forbid compiling it
 * (script-src without 'wasm-unsafe-eval'), which tfjs would report as a failed fetch.
 */
export async function whyNoWasm(): Promise<string | undefined> {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function') return 'this browser has no WebAssembly';
  try {
    // The smallest module there is: the magic number and the version.
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    return undefined;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/CSP|Content.Security.Policy|unsafe-eval/i.test(message)) {
      return "this site's Content-Security-Policy does not allow WebAssembly (its script-src needs 'wasm-unsafe-eval')";
    }
    return `this browser could not compile WebAssembly (${message})`;
  }
}
