/**
 * Input features for a model of two inputs: what the playground feeds its first layer,
 * each a function of (x₁, x₂), with the expression that computes it in TypeScript and in
 * PyTorch (for the code the playground shows).
 */
export const FEATURES = {
  x1: { label: 'x₁', f: (a: number) => a, ts: 'x1', torch: 'x1' },
  x2: { label: 'x₂', f: (_a: number, b: number) => b, ts: 'x2', torch: 'x2' },
  x1sq: { label: 'x₁²', f: (a: number) => a * a, ts: 'x1 * x1', torch: 'x1 * x1' },
  x2sq: { label: 'x₂²', f: (_a: number, b: number) => b * b, ts: 'x2 * x2', torch: 'x2 * x2' },
  x1x2: { label: 'x₁·x₂', f: (a: number, b: number) => a * b, ts: 'x1 * x2', torch: 'x1 * x2' },
  sin1: { label: 'sin x₁', f: (a: number) => Math.sin(a), ts: 'Math.sin(x1)', torch: 'torch.sin(x1)' },
  sin2: { label: 'sin x₂', f: (_a: number, b: number) => Math.sin(b), ts: 'Math.sin(x2)', torch: 'torch.sin(x2)' },
} as const;
export type FeatureName = keyof typeof FEATURES;
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/** The rows (x₁[i], x₂[i]) mapped to the chosen features, row-major: n × features.length values. */
export function featureRows(x1: readonly number[], x2: readonly number[], features: readonly FeatureName[]): number[] {
  if (x1.length !== x2.length) throw new RangeError(`featureRows: x1 has ${x1.length} values and x2 ${x2.length}`);
  if (features.length === 0) throw new RangeError('featureRows: choose at least one feature');
  const out: number[] = [];
  x1.forEach((a, i) => {
    for (const name of features) out.push(FEATURES[name].f(a, x2[i]!));
  });
  return out;
}
