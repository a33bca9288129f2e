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
