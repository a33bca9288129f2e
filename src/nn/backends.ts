/**
 * The backends the site can train on, and how pages name them. No tfjs here: pages import
 * this before (or without) loading TensorFlow.js, which `tf.ts` alone brings in.
 */

/** Backends the site knows how to start: the GPU, WebAssembly, plain JavaScript. */
export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** How pages name each backend: a short label, and (where the label doesn't say) what it runs on. */
export const BACKEND_LABELS: Readonly<Record<BackendName, { label: string; runsOn?: string }>> = {
  webgl: { label: 'WebGL', runsOn: 'GPU' },
  wasm: { label: 'WebAssembly' },
  cpu: { label: 'CPU', runsOn: 'JavaScript' },
};
