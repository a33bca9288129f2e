import { RandomState } from './random-state';

/** A 2-D classification set: points (x₁, x₂) in about [−6, 6]², each labelled 0 or 1. */
export interface Dataset2D {
  x1: number[];
  x2: number[];
  /** 0 or 1 per point. */
  label: number[];
}

export interface ClassificationSettings {
  /** Points in all (half of each class, the odd one in class 0). */
  n: number;
  /** Standard deviation of the Gaussian jitter added to both coordinates after labelling. */
  noise: number;
  seed: number;
}

/** The four shapes, each a function of one RandomState that draws in a fixed order (NumPy's, in tests/fixtures). */
export const CLASSIFICATION_SETS = {
  circle: { label: 'Circle (inside or out)', make: circle },
  xor: { label: 'XOR (quadrants)', make: xor },
  gauss: { label: 'Two Gaussians', make: twoGaussians },
  spiral: { label: 'Two spirals', make: spiral },
} satisfies Record<string, { label: string; make: (rng: RandomState, n: number) => Dataset2D }>;
export type ClassificationSet = keyof typeof CLASSIFICATION_SETS;

/**
 * One of the classification sets with its jitter: the shape's own draws first, then
 * `normal(0, noise, n)` for x₁ and again for x₂, all from `RandomState(seed)`.
 */
export function classificationSet(name: ClassificationSet, settings: Partial<ClassificationSettings> = {}): Dataset2D {
  const s: ClassificationSettings = { n: 200, noise: 0, seed: 0, ...settings };
  if (!Number.isInteger(s.n) || s.n < 2) throw new RangeError(`classificationSet: n must be a whole number ≥ 2, got ${s.n}`);
  const rng = new RandomState(s.seed);
  const d = CLASSIFICATION_SETS[name].make(rng, s.n);
  const j1 = rng.normal(0, s.noise, s.n);
  const j2 = rng.normal(0, s.noise, s.n);
  return { x1: d.x1.map((v, i) => v + j1[i]!), x2: d.x2.map((v, i) => v + j2[i]!), label: d.label };
}

/** Class 1 for the first ⌊n/2⌋ points, class 0 for the rest. */
const halves = (n: number): number[] => Array.from({ length: n }, (_, i) => (i < Math.floor(n / 2) ? 1 : 0));

/**
 * Class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5. Radii: `uniform(0, 2.5, h)`
 * then `uniform(3.5, 5, n − h)`; directions from `normal(0, 1, 2n)` pairs (g₁, g₂) scaled to
 * length 1 (the Gaussian draws match NumPy to the last bit or so: both take a log).
 */
function circle(rng: RandomState, n: number): Dataset2D {
  const h = Math.floor(n / 2);
  const r = [...rng.uniform(0, 2.5, h), ...rng.uniform(3.5, 5, n - h)];
  const g = rng.normal(0, 1, 2 * n);
  const x1: number[] = [];
  const x2: number[] = [];
  r.forEach((ri, i) => {
    const a = g[2 * i]!;
    const b = g[2 * i + 1]!;
    const len = Math.sqrt(a * a + b * b);
    x1.push((ri * a) / len);
    x2.push((ri * b) / len);
  });
  return { x1, x2, label: halves(n) };
}

/** `uniform(−5, 5, 2n)` as n rows (x₁, x₂), each pushed 0.5 away from the axes; class 1 where x₁·x₂ > 0. */
function xor(rng: RandomState, n: number): Dataset2D {
  const u = rng.uniform(-5, 5, 2 * n);
  const away = (v: number) => v + (v >= 0 ? 0.5 : -0.5);
  const x1 = Array.from({ length: n }, (_, i) => away(u[2 * i]!));
  const x2 = Array.from({ length: n }, (_, i) => away(u[2 * i + 1]!));
  return { x1, x2, label: x1.map((a, i) => (a * x2[i]! > 0 ? 1 : 0)) };
}

/** Class 1 around (2, 2), class 0 around (−2, −2), standard deviation 1: x₁ then x₂ of class 1, then of class 0. */
function twoGaussians(rng: RandomState, n: number): Dataset2D {
  const h = Math.floor(n / 2);
  const a1 = rng.normal(2, 1, h);
  const a2 = rng.normal(2, 1, h);
  const b1 = rng.normal(-2, 1, n - h);
  const b2 = rng.normal(-2, 1, n - h);
  return { x1: [...a1, ...b1], x2: [...a2, ...b2], label: halves(n) };
}

/**
 * Two arms, 1.75 turns each, the second turned by π: point i of an arm of m points is at
 * radius 5·i/m and angle 3.5π·i/m (+ π), drawn as r·(sin θ, cos θ). No random draws of its
 * own: the jitter makes the noise. (Sines agree with NumPy's to about 1e-15, not bit for bit.)
 */
function spiral(_rng: RandomState, n: number): Dataset2D {
  const h = Math.floor(n / 2);
  const arm = (m: number, delta: number) =>
    Array.from({ length: m }, (_, i) => {
      const r = (5 * i) / m;
      const t = (3.5 * Math.PI * i) / m + delta;
      return [r * Math.sin(t), r * Math.cos(t)] as const;
    });
  const points = [...arm(h, 0), ...arm(n - h, Math.PI)];
  return { x1: points.map((p) => p[0]), x2: points.map((p) => p[1]), label: halves(n) };
}

/**
 * A seeded train/test split of n rows: `RandomState(seed).permutation(n)`, the first
 * ⌊n·trainFraction + ½⌋ rows (at least one of each part) train, the rest test.
 */
export function trainTestSplit(n: number, trainFraction: number, seed: number): { train: number[]; test: number[] } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new RangeError(`trainTestSplit: trainFraction must be between 0 and 1, got ${trainFraction}`);
  if (n < 2) throw new RangeError(`trainTestSplit: need at least 2 rows, got ${n}`);
  const order = new RandomState(seed).permutation(n);
  const k = Math.min(n - 1, Math.max(1, Math.floor(n * trainFraction + 0.5)));
  return { train: order.slice(0, k), test: order.slice(k) };
}
