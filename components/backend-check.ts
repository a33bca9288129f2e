import type { BackendName } from '../src/nn/tf';

/** What the backend check measured in this browser. */
export interface BackendCheckResult {
  backend: BackendName;
  /** 1 or 2 when the WebGL backend runs, otherwise undefined. */
  webglVersion?: number;
  /** The graphics driver's name, where the browser tells it. */
  renderer?: string;
  /** True when WebGL is drawn in software (the browser reports a major performance caveat): the "GPU" is the processor. */
  software?: boolean;
  /** Median milliseconds for one 256×256 matrix product, read back to the page. */
  msPerMatMul: number;
  /** Median milliseconds for a small demo's step (a 41 × 10 layer forward and back, read back), on the backend in use and on the CPU. */
  msPerSmallStep?: { webgl: number; cpu: number };
  fallbackReason?: string;
}

/** A driver's name as a reader knows it: "SwiftShader", or the GPU inside ANGLE's long description. */
export function rendererName(raw: string): string {
  const software = /swiftshader|llvmpipe|softpipe|basic render/i.exec(raw)?.[0];
  if (software)
    return { swiftshader: 'SwiftShader', llvmpipe: 'llvmpipe', softpipe: 'softpipe' }[software.toLowerCase()] ?? 'Microsoft Basic Render Driver';
  return /^ANGLE \([^,]*,\s*([^,(]+)/.exec(raw)?.[1]?.trim() ?? raw;
}

/** Whether this browser's WebGL 2 is drawn in software, and the driver's name where it is told. */
function describeWebGL(): { software: boolean; renderer?: string } {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return { software: false };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : undefined;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  // A context that must not carry a major performance caveat is refused where WebGL is emulated.
  const strict = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  strict?.getExtension('WEBGL_lose_context')?.loseContext();
  return {
    software: strict === null || /swiftshader|llvmpipe|software/i.test(renderer ?? ''),
    ...(renderer && { renderer: rendererName(renderer) }),
  };
}

type Tf = Awaited<typeof import('../src/nn/tf')>['tf'];

/** Median milliseconds of `work` (its result read back), after one untimed run that compiles what it needs. */
async function median(tf: Tf, runs: number, work: () => import('../src/nn/tf').Tensor): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const t = tf.tidy(work);
    await t.data();
    t.dispose();
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** A step of chapter 4's fitter in miniature: 41 inputs through Linear(1, 10), ReLU, Linear(10, 1), its gradient, read back. */
function smallStep(tf: Tf, x: import('../src/nn/tf').Tensor, w1: import('../src/nn/tf').Tensor, w2: import('../src/nn/tf').Tensor) {
  return () => {
    const g = tf.grads((a: import('../src/nn/tf').Tensor, b: import('../src/nn/tf').Tensor) =>
      tf.mean(tf.square(tf.matMul(tf.relu(tf.matMul(x, a)), b))),
    );
    return tf.concat(g([w1, w2]).map((t) => tf.reshape(t, [-1])));
  };
}

/**
 * Starts tfjs as the demos do (WebGL first), times a 256×256 matMul (median of 7), and where
 * WebGL runs, times a small demo's step there and on the CPU backend, to say which suits the
 * small demos here.
 */
export async function runBackendCheck(): Promise<BackendCheckResult> {
  const { tf, startBackend } = await import('../src/nn/tf');
  const report = await startBackend('webgl');
  const a = tf.randomUniform([256, 256], -1, 1, 'float32', 42);
  const msPerMatMul = await median(tf, 7, () => tf.matMul(a, a));
  a.dispose();
  if (report.backend !== 'webgl') return { backend: report.backend, msPerMatMul, fallbackReason: report.fallbackReason };
  const small = [
    tf.randomUniform([41, 1], -2, 2, 'float32', 1),
    tf.randomUniform([1, 10], -1, 1, 'float32', 2),
    tf.randomUniform([10, 1], -1, 1, 'float32', 3),
  ] as const;
  const onGpu = await median(tf, 9, smallStep(tf, ...small));
  const values = await Promise.all(small.map((t) => t.array()));
  await tf.setBackend('cpu');
  const onCpu = tf.tidy(() => values.map((v) => tf.tensor(v as number[][])));
  const cpu = await median(tf, 9, smallStep(tf, onCpu[0]!, onCpu[1]!, onCpu[2]!));
  tf.dispose([...onCpu]);
  await tf.setBackend('webgl');
  tf.dispose([...small]);
  return {
    backend: 'webgl',
    webglVersion: tf.env().getNumber('WEBGL_VERSION'),
    ...describeWebGL(),
    msPerMatMul,
    msPerSmallStep: { webgl: onGpu, cpu },
  };
}

/** A few sentences for the reader about the engine their demos will use, and which suits the small ones here. */
export function describeBackend(r: BackendCheckResult): string {
  const ms = `${r.msPerMatMul.toFixed(1)} ms`;
  if (r.backend === 'webgl') {
    const on = r.renderer ? ` (${r.renderer})` : '';
    const what = r.software
      ? `Demos start on WebGL ${r.webglVersion ?? ''}, but this browser draws WebGL in software${on}: there is no graphics processor behind it, the processor emulates one.`
      : `Demos will train on your graphics processor (WebGL ${r.webglVersion ?? ''}${r.renderer ? `, ${r.renderer}` : ''}).`;
    const s = r.msPerSmallStep;
    const faster =
      s && s.cpu < s.webgl
        ? ` A small demo's step takes about ${s.webgl.toFixed(1)} ms on WebGL and ${s.cpu.toFixed(1)} ms on the CPU backend here: for the small models of these chapters, pick CPU in a demo's Backend menu.`
        : s
          ? ` A small demo's step takes about ${s.webgl.toFixed(1)} ms on WebGL and ${s.cpu.toFixed(1)} ms on the CPU backend here: WebGL is the faster choice.`
          : '';
    return `${what} A 256×256 matrix product takes about ${ms} here.${faster}`;
  }
  const why = r.fallbackReason ? ` (${r.fallbackReason})` : '';
  return `WebGL is not available${why}, so demos will train on the CPU backend, computing the same model. A 256×256 matrix product takes about ${ms} here.`;
}
