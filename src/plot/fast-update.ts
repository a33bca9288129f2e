/**
 * Redrawing a Plot chart costs tens of milliseconds; moving a line does not. When the
 * scales of a chart still fit the new data, these helpers rewrite its paths in place.
 */

/** A figure from Plot.plot: it can map values through its scales. */
export interface PlotFigure extends Element {
  scale?(name: 'x' | 'y'): { apply(value: number): number } | undefined;
}

/** Rounds as d3-path does for Plot (3 decimals, no trailing zeros), so updated paths read like drawn ones. */
const r3 = (v: number) => String(Math.round(v * 1000) / 1000);

/** "M x,y L x,y …" in screen coordinates, like Plot's linear curve. */
export function linePath(figure: PlotFigure, xs: readonly number[], ys: readonly number[]): string | null {
  const sx = figure.scale?.('x');
  const sy = figure.scale?.('y');
  if (!sx || !sy) return null;
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    d += `${i ? 'L' : 'M'}${r3(sx.apply(xs[i]!))},${r3(sy.apply(ys[i]!))}`;
  }
  return d;
}

/** Sets the `d` of each path in the mark whose group has `className`, one series each; false if the count differs. */
export function setPaths(figure: PlotFigure, className: string, series: readonly (readonly number[])[], xs: readonly number[]): boolean {
  const paths = figure.querySelectorAll(`g.${className} path`);
  if (paths.length !== series.length) return false;
  const ds = series.map((ys) => linePath(figure, xs, ys));
  if (ds.some((d) => d === null)) return false;
  ds.forEach((d, i) => paths[i]!.setAttribute('d', d!));
  return true;
}

/** The next "nice" number at or above v: 1, 2, 5, 10, 20, 50, … (v > 0). */
export function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v * (1 - 1e-12)) ?? 10 * p;
}

/** The next step at or above v on a fine ladder (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 × 10^k; v > 0): an axis top with at most 20 % headroom that holds while v wanders a little. */
export function fineCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((c) => c >= v * (1 - 1e-12)) ?? 10 * p;
}
