/**
 * Redrawing a Plot chart costs tens of milliseconds; moving a line does not. When the
 * scales of a chart still fit the new data, these helpers rewrite its paths in place.
 */

/** A figure from Plot.plot: it can map values through its scales. */
export interface PlotFigure extends Element {
  scale?(name: 'x' | 'y'): Scale | undefined;
}

/** What Plot tells of a scale (its `type`, `domain` and `range` are there for the linear ones here). */
export interface Scale {
  apply(value: number): number;
  type?: string;
  domain?: readonly number[];
  range?: readonly number[];
  clamp?: boolean;
}

/** Rounds as d3-path does for Plot (3 decimals, no trailing zeros), so updated paths read like drawn ones. */
const r3 = (v: number) => String(Math.round(v * 1000) / 1000);

/** "M x,y L x,y …" in screen coordinates, like Plot's linear curve. */
export function linePath(figure: PlotFigure, xs: readonly number[], ys: readonly number[]): string | null {
  return linePaths(figure, xs, [ys])?.[0] ?? null;
}

/** One linePath per series over the same xs: the xs are placed once for all of them. */
function linePaths(figure: PlotFigure, xs: readonly number[], series: readonly (readonly number[])[]): string[] | null {
  const sx = figure.scale?.('x');
  const sy = figure.scale?.('y');
  if (!sx || !sy) return null;
  const at = xs.map((x, i) => `${i ? 'L' : 'M'}${r3(sx.apply(x))},`);
  const y = linear(sy);
  return series.map((ys) => {
    let d = '';
    for (let i = 0; i < at.length; i++) d += at[i]! + r3(y(ys[i]!));
    return d;
  });
}

/**
 * A linear scale's mapping inlined, in d3's own arithmetic (normalise, then interpolate) so
 * it gives the very numbers `apply` gives; any other scale keeps its `apply`.
 */
function linear(scale: Scale): (v: number) => number {
  const { type, domain, range, clamp } = scale;
  if (type !== 'linear' || clamp || domain?.length !== 2 || range?.length !== 2 || !(domain[1]! > domain[0]!)) return (v) => scale.apply(v);
  const [a, b] = [domain[0]!, domain[1]! - domain[0]!];
  const [r0, r1] = [range[0]!, range[1]!];
  return (v) => {
    const t = (v - a) / b;
    return r0 * (1 - t) + r1 * t;
  };
}

/**
 * Sets the `d` of each path in the mark whose group has `className`, one series each, from
 * path `from` on (the mark has `total` paths in all); false if the count differs.
 */
export function setPaths(
  figure: PlotFigure,
  className: string,
  series: readonly (readonly number[])[],
  xs: readonly number[],
  from = 0,
  total = series.length,
): boolean {
  const paths = figure.querySelectorAll(`g.${className} path`);
  if (paths.length !== total || from + series.length > total) return false;
  const ds = linePaths(figure, xs, series);
  if (!ds) return false;
  ds.forEach((d, i) => paths[from + i]!.setAttribute('d', d));
  return true;
}

/** The next step at or above v (v > 0) on a ladder of multipliers of a power of ten. */
const ladderCeil =
  (steps: readonly number[]) =>
  (v: number): number => {
    const p = 10 ** Math.floor(Math.log10(v));
    return steps.map((m) => m * p).find((c) => c >= v * (1 - 1e-12)) ?? 10 * p;
  };

/** The next "nice" number at or above v: 1, 2, 5, 10, 20, 50, … (v > 0). */
export const niceCeil = ladderCeil([1, 2, 5, 10]);
/** The next step at or above v on a fine ladder (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 × 10^k; v > 0): an axis top with at most 20 % headroom that holds while v wanders a little. */
export const fineCeil = ladderCeil([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]);

/** The chart's <svg>: the figure itself, or the one inside it (a chart with a legend is a <figure>). */
export function svgOf(figure: Element): SVGSVGElement | null {
  return (figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg')) as SVGSVGElement | null;
}

/**
 * Sets the circles of a dot mark's group to `points` (screen x, y and any other attributes),
 * one circle each: copies of the first are added, or the last removed, as the count changes,
 * and only attributes that changed are written (each write costs the page a little). False
 * if the group has no circle to copy.
 */
export function setDots(group: Element | null, points: readonly Record<string, number>[]): boolean {
  const first = group?.firstElementChild;
  if (!group || !first) return false;
  while (group.childElementCount < points.length) group.append(first.cloneNode());
  while (group.childElementCount > points.length) group.lastElementChild!.remove();
  [...group.children].forEach((dot, i) => {
    for (const [name, value] of Object.entries(points[i]!)) {
      const text = String(value);
      if (dot.getAttribute(name) !== text) dot.setAttribute(name, text);
    }
  });
  return true;
}
