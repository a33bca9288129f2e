import type { Dataset1D } from './datasets';

/**
 * The least-squares line y ≈ w·x + b through a data set, in closed form (float64), and its
 * mean squared error there: the best any straight line can do. In NumPy:
 * `w, b = np.polyfit(x, y, 1)`, `mse = ((w * x + b - y) ** 2).mean()`.
 */
export function leastSquaresLine({ x, y }: Dataset1D): { w: number; b: number; mse: number } {
  if (x.length < 2 || x.length !== y.length)
    throw new RangeError(`leastSquaresLine: need as many y as x, at least 2, got ${x.length} and ${y.length}`);
  const mean = (v: readonly number[]) => v.reduce((a, u) => a + u, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  const w = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / x.reduce((a, v) => a + (v - mx) ** 2, 0);
  const b = my - w * mx;
  return { w, b, mse: mean(x.map((v, i) => (w * v + b - y[i]!) ** 2)) };
}

/**
 * How far the broken line through `f` at `pieces + 1` evenly spaced knots over the data's
 * x-range lies from the data: its mean squared error (float64). Chapter 4's construction
 * builds that broken line from `pieces` ReLU units. In NumPy:
 * `k = np.linspace(x.min(), x.max(), pieces + 1)`, `((np.interp(x, k, f(k)) - y) ** 2).mean()`.
 */
export function brokenLineMse({ x, y }: Dataset1D, f: (x: number) => number, pieces: number): number {
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  const knot = (j: number) => lo + ((hi - lo) * j) / pieces;
  const at = (v: number) => {
    const j = Math.min(pieces - 1, Math.floor(((v - lo) / (hi - lo)) * pieces));
    const t = (v - knot(j)) / (knot(j + 1) - knot(j));
    return f(knot(j)) + t * (f(knot(j + 1)) - f(knot(j)));
  };
  return x.reduce((a, v, i) => a + (at(v) - y[i]!) ** 2, 0) / x.length;
}
