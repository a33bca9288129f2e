import type { BackendName } from '../src/nn/tf';

/** What the backend check measured in this browser. */
export interface BackendCheckResult {
  backend: BackendName;
  /** 1 or 2 when the WebGL backend runs, otherwise undefined. */
  webglVersion?: number;
  /** Median milliseconds for one 256×256 matrix product, read back to the page. */
  msPerMatMul: number;
  fallbackReason?: string;
}

/** Starts tfjs as the demos do (WebGL first) and times a 256×256 matMul, median of 7. */
export async function runBackendCheck(): Promise<BackendCheckResult> {
  const { tf, startBackend } = await import('../src/nn/tf');
  const report = await startBackend('webgl');
  const a = tf.randomUniform([256, 256], -1, 1, 'float32', 42);
  const times: number[] = [];
  // The first product compiles shaders; it is not counted.
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, a);
    await c.data();
    c.dispose();
    if (i > 0) times.push(performance.now() - t0);
  }
  a.dispose();
  times.sort((x, y) => x - y);
  const webglVersion = report.backend === 'webgl' ? tf.env().getNumber('WEBGL_VERSION') : undefined;
  return {
    backend: report.backend,
    webglVersion,
    msPerMatMul: times[Math.floor(times.length / 2)] ?? Number.NaN,
    fallbackReason: report.fallbackReason,
  };
}

/** One sentence for the reader about the engine their demos will use. */
export function describeBackend(r: BackendCheckResult): string {
  const ms = `${r.msPerMatMul.toFixed(1)} ms`;
  if (r.backend === 'webgl') {
    return `Demos will train on your graphics processor (WebGL ${r.webglVersion ?? ''}). A 256×256 matrix product takes about ${ms} here.`;
  }
  const why = r.fallbackReason ? ` (${r.fallbackReason})` : '';
  return `WebGL is not available${why}, so demos will train on the CPU: slower, but computing the same model. A 256×256 matrix product takes about ${ms} here.`;
}
