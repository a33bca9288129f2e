import * as Plot from '@observablehq/plot';
import { contours } from 'd3-contour';
import { geoPath } from 'd3-geo';
import { linePath, setDots, svgOf, type PlotFigure } from './fast-update';
import type { LandscapeInput } from './landscape-chart';
import { contourHeight } from './sizes';
import { themedPlot } from './themed-plot';

export interface ContourInput {
  data: LandscapeInput['data'];
  /** Where the quadratic stands: c is held there, the map is over a and b. */
  at: LandscapeInput['at'];
  /** Every (a, b) the run has passed through, oldest first (thinned by the caller). */
  path: readonly { a: number; b: number }[];
  loss: 'mae' | 'mse';
  /** The ranges of a and b drawn. */
  domain: { a: readonly [number, number]; b: readonly [number, number] };
  width?: number;
  document?: Document;
}

/** Contour levels spaced evenly in log(loss) between the lowest and highest loss on a coarse grid of the map. */
function levels(f: (a: number, b: number) => number, { a, b }: ContourInput['domain'], count = 14): number[] {
  const values: number[] = [];
  for (let i = 0; i <= 24; i++) for (let j = 0; j <= 24; j++) values.push(f(a[0] + ((a[1] - a[0]) * i) / 24, b[0] + ((b[1] - b[0]) * j) / 24));
  const lo = Math.max(Math.min(...values), 1e-6);
  const hi = Math.max(...values);
  return Array.from({ length: count }, (_, k) => lo * (hi / lo) ** ((k + 0.5) / count));
}

/** The loss over (a, b) with c held: lossAndSlope's loss in a tight loop, since a map evaluates it at thousands of points per draw. */
function lossOver(data: ContourInput['data'], c: number, loss: 'mae' | 'mse'): (a: number, b: number) => number {
  const n = data.x.length;
  const [u, x, r] = [new Float64Array(n), Float64Array.from(data.x), new Float64Array(n)];
  data.x.forEach((v, i) => ((u[i] = v * v), (r[i] = c - data.y[i]!)));
  return (a, b) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const miss = a * u[i]! + b * x[i]! + r[i]!;
      total += loss === 'mse' ? miss * miss : Math.abs(miss);
    }
    return total / n;
  };
}

/**
 * The loss over two parameters, a and b, with c held where it stands: contour lines (each a
 * constant loss, spaced evenly in its logarithm) and the path gradient descent has taken
 * through them, step by step, to where the model stands now.
 */
export function contourChart({ data, at, path, loss, domain, width = 640, document }: ContourInput): SVGSVGElement | HTMLElement {
  const f = lossOver(data, at.c, loss);
  const here = { a: at.a, b: at.b };
  const figure = themedPlot({
    document,
    width,
    height: contourHeight(width),
    marginLeft: 44,
    x: { domain: [...domain.a], label: 'a', grid: true },
    y: { domain: [...domain.b], label: 'b', grid: true },
    marks: [
      Plot.contour({
        x1: domain.a[0],
        x2: domain.a[1],
        y1: domain.b[0],
        y2: domain.b[1],
        pixelSize: 6,
        value: f,
        thresholds: levels(f, domain),
        stroke: 'currentColor',
        strokeOpacity: 0.35,
        fill: 'none',
        className: 'if-contours',
      }),
      Plot.line([...path, here], { x: 'a', y: 'b', stroke: 'var(--if-data)', strokeWidth: 1.5, clip: true, className: 'if-path' }),
      // The path's dots end under the model's: there is always one to copy when the map moves in place.
      Plot.dot([...path, here], { x: 'a', y: 'b', r: 1.5, fill: 'var(--if-data)', clip: true, className: 'if-route' }),
      Plot.dot([here], { x: 'a', y: 'b', r: 5, fill: 'var(--if-model)', stroke: 'var(--if-data-ring)', clip: true, className: 'if-here' }),
    ],
    ariaLabel: 'The loss over a and b, with the path gradient descent has taken',
    ariaDescription: contourDescription(at, f, path.length),
  });
  // Test hooks: where the model stands, and how many steps the path shows; and what it was drawn for.
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-b', String(at.b));
  figure.setAttribute('data-path', String(path.length));
  figure.setAttribute('data-loss', loss);
  figure.setAttribute('data-width', String(width));
  return figure;
}

function contourDescription(at: ContourInput['at'], f: (a: number, b: number) => number, steps: number): string {
  return `Contour lines of the loss as a function of a and b, c = ${at.c.toFixed(3)} held fixed; each line is one loss, the lines spaced evenly in its logarithm. The model stands at a = ${at.a.toFixed(3)}, b = ${at.b.toFixed(3)}, loss ${f(at.a, at.b).toFixed(4)}${steps ? `; the line behind it is its path over ${steps} steps` : ''}.`;
}

/**
 * Moves a map drawn by {@link contourChart} to where the run stands now, in place: the
 * contour lines (c has moved, so the loss over a and b has changed) traced again the way
 * Plot's contour mark traces them (the loss sampled at the centre of each 6-pixel cell, then
 * d3-contour, then from the lattice to the screen), the path and its dots, and the model's
 * dot. The axes hold (the ranges of a and b are fixed), so the page is repainted but not laid
 * out. Tracing the lines is most of the cost: `retrace` may name a share of them (every
 * `parts`-th line from `part`), or none (null), and only those move. False (draw it anew) when the map was drawn for another
 * loss or width.
 */
export function updateContourChart(
  figure: PlotFigure,
  { data, at, path, loss, domain, width = 640 }: ContourInput,
  retrace: Retrace | null = ALL_LINES,
): boolean {
  const lines = figure.querySelectorAll('g.if-contours path');
  const route = figure.querySelector('g.if-route');
  const line = figure.querySelector('g.if-path path');
  const here = figure.querySelector('g.if-here circle');
  const [sx, sy] = [figure.scale?.('x'), figure.scale?.('y')];
  const drawnFor = figure.getAttribute('data-loss') === loss && figure.getAttribute('data-width') === String(width);
  if (!drawnFor || !sx || !sy || !route?.firstElementChild || !line || !here) return false;
  const f = lossOver(data, at.c, loss);
  if (retrace && !retraceContours(lines, f, domain, [sx, sy], retrace)) return false;
  line.setAttribute('d', linePath(figure, [...path.map((p) => p.a), at.a], [...path.map((p) => p.b), at.b]) ?? '');
  // Most dots stand where they were: only those that moved are written.
  setDots(
    route,
    [...path, at].map((p) => ({ cx: sx.apply(p.a), cy: sy.apply(p.b) })),
  );
  setDots(here.parentElement, [{ cx: sx.apply(at.a), cy: sy.apply(at.b) }]);
  svgOf(figure)?.setAttribute('aria-description', contourDescription(at, f, path.length));
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-b', String(at.b));
  figure.setAttribute('data-path', String(path.length));
  return true;
}

type Scale = { apply(value: number): number };
/** Which contour lines to trace again: line k when k % parts === part. */
export type Retrace = { part: number; parts: number };
const ALL_LINES: Retrace = { part: 0, parts: 1 };

/** Traces contour lines again the way Plot's contour mark traces them; false if the map has another count of lines. */
function retraceContours(
  lines: NodeListOf<Element>,
  f: (a: number, b: number) => number,
  domain: ContourInput['domain'],
  [sx, sy]: [Scale, Scale],
  { part, parts }: Retrace,
): boolean {
  const thresholds = levels(f, domain);
  if (lines.length !== thresholds.length) return false;
  // The lattice as Plot's sampler lays it: cell centres, from the first corner of the domain.
  const [x1, x2, y1, y2] = [sx.apply(domain.a[0]), sx.apply(domain.a[1]), sy.apply(domain.b[0]), sy.apply(domain.b[1])];
  const [w, h] = [Math.round(Math.abs(x2 - x1) / 6), Math.round(Math.abs(y2 - y1) / 6)];
  const [dx, dy] = [(x2 - x1) / w, (y2 - y1) / h];
  const values: number[] = [];
  for (let j = 0; j < h; j++) {
    const b = domain.b[0] + ((domain.b[1] - domain.b[0]) * (j + 0.5)) / h;
    for (let i = 0; i < w; i++) values.push(f(domain.a[0] + ((domain.a[1] - domain.a[0]) * (i + 0.5)) / w, b));
  }
  const trace = contours().size([w, h]);
  const toScreen = geoPath();
  thresholds.forEach((t, k) => {
    if (k % parts !== part) return;
    const shape = trace.contour(values, t);
    for (const ring of shape.coordinates.flat()) for (const p of ring) [p[0], p[1]] = [x1 + p[0]! * dx, y1 + p[1]! * dy];
    const d = toScreen(shape);
    if (d) lines[k]!.setAttribute('d', d);
    else lines[k]!.removeAttribute('d');
  });
  return true;
}
