import * as Plot from '@observablehq/plot';
import { narrow } from './sizes';
import { themedPlot } from './themed-plot';
import type { PlotFigure } from './fast-update';

export interface SurfaceChartInput {
  /** Both axes' grid points. */
  side: readonly number[];
  /** The target at each grid point, x₁ varying fastest. */
  target: readonly number[];
  /** The model at each grid point, in the same order (null: not known yet). */
  prediction: readonly number[] | null;
  /** Each unit's (m₁, m₂, b, w): its fold line m₁x₁ + m₂x₂ + b = 0 is drawn on the model. */
  units?: readonly (readonly number[])[];
  width?: number;
  document?: Document;
}

/** The segment of the line m₁x₁ + m₂x₂ + b = 0 inside the square [lo, hi]², or null. */
function foldSegment([m1, m2, b]: readonly number[], lo: number, hi: number): [number, number, number, number] | null {
  const pts: [number, number][] = [];
  const add = (x1: number, x2: number) => {
    if (x1 >= lo - 1e-9 && x1 <= hi + 1e-9 && x2 >= lo - 1e-9 && x2 <= hi + 1e-9) pts.push([x1, x2]);
  };
  if (Math.abs(m2!) > 1e-9) for (const x1 of [lo, hi]) add(x1, -(m1! * x1 + b!) / m2!);
  if (Math.abs(m1!) > 1e-9) for (const x2 of [lo, hi]) add(-(m2! * x2 + b!) / m1!, x2);
  if (pts.length < 2) return null;
  const [a, c] = [
    pts[0]!,
    pts.reduce((far, p) => (Math.hypot(p[0] - pts[0]![0], p[1] - pts[0]![1]) > Math.hypot(far[0] - pts[0]![0], far[1] - pts[0]![1]) ? p : far)),
  ];
  return [a[0], a[1], c[0], c[1]];
}

/**
 * A function of two inputs as two heat maps side by side, the target and the model, on
 * one colour scale (fixed by the target, so colours compare); on the model, each unit's
 * fold line, where that unit switches on.
 */
export function surfaceChart({ side, target, prediction, units = [], width = 640, document }: SurfaceChartInput): SVGSVGElement | HTMLElement {
  const n = side.length;
  const half = (side[1]! - side[0]!) / 2;
  const lo = side[0]!;
  const hi = side.at(-1)!;
  const cells = (values: readonly number[], panel: string) => values.map((z, i) => ({ x1: side[i % n]!, x2: side[Math.floor(i / n)]!, z, panel }));
  const rows = [...cells(target, 'target'), ...(prediction ? cells(prediction, 'model') : [])];
  const folds = foldsOf(units, lo - half, hi + half).map(([a, b, c, d]) => ({ a, b, c, d, panel: 'model' }));
  // Side by side; on a phone's narrow column, one above the other so each stays large.
  const stacked = narrow(width);
  const facet = stacked ? 'fy' : 'fx';
  const panelWidth = stacked ? width - 44 - 64 : (width - 60) / 2;
  return themedPlot({
    document,
    width,
    height: Math.round(stacked ? 2 * panelWidth + 90 : panelWidth + 60),
    marginLeft: 44,
    marginRight: stacked ? 64 : undefined,
    marginBottom: 36,
    x: { domain: [lo - half, hi + half], label: 'x₁' },
    y: { domain: [lo - half, hi + half], label: 'x₂' },
    [facet]: { domain: ['target', 'model'], label: null, tickFormat: (p: string) => (p === 'target' ? 'Target' : 'Model') },
    color: surfaceColour(target),
    marks: [
      Plot.rect(rows, {
        x1: (d) => d.x1 - half,
        x2: (d) => d.x1 + half,
        y1: (d) => d.x2 - half,
        y2: (d) => d.x2 + half,
        fill: 'z',
        [facet]: 'panel',
        // Each cell reaches a little into its neighbours, so no hairline of background shows
        // between them however the edges round (the build-time chart rounds to 0.1 px).
        inset: -0.4,
        shapeRendering: 'crispEdges',
        className: 'if-cells',
      }),
      Plot.link(folds, {
        x1: 'a',
        y1: 'b',
        x2: 'c',
        y2: 'd',
        [facet]: 'panel',
        stroke: 'white',
        strokeOpacity: 0.8,
        strokeWidth: 1.2,
        strokeDasharray: '4 3',
        clip: true,
        className: 'if-folds',
      }),
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
    ],
    ariaLabel: 'The target surface and the model, as heat maps',
    ariaDescription: `${stacked ? 'Above' : 'Left'}: the target over a ${n} by ${n} grid of (x₁, x₂); ${stacked ? 'below' : 'right'}: the model${units.length ? `, with the ${folds.length} fold lines of its units that cross the square drawn dashed` : ''}. Brighter is higher.`,
  });
}

/** Each unit's fold line's segment inside the square [lo, hi]², for the units whose line crosses it. */
const foldsOf = (units: readonly (readonly number[])[], lo: number, hi: number) =>
  units.map((u) => foldSegment(u, lo, hi)).filter((s): s is [number, number, number, number] => s !== null);

/**
 * Moves the model's heat map drawn by {@link surfaceChart} in place: each cell's colour and
 * the fold lines (one more or fewer as units' lines come into the square or leave it). The
 * page is repainted, not laid out. False (draw it anew) where the chart has no model panel
 * of this grid, or no fold lines, yet.
 */
export function updateSurfaceChart(
  figure: PlotFigure,
  side: readonly number[],
  prediction: readonly number[],
  units: readonly (readonly number[])[],
): boolean {
  const n = side.length;
  const panels = figure.querySelectorAll('g.if-cells');
  const cells = panels[1]?.querySelectorAll('rect');
  const folds = figure.querySelectorAll('g.if-folds');
  const [sx, sy, colour] = [figure.scale?.('x'), figure.scale?.('y'), figure.scale?.('color' as 'x')];
  // Plot draws the fold lines' group in the model's panel only (the target has none).
  if (!cells || cells.length !== n * n || prediction.length !== n * n || folds.length !== 1 || !sx || !sy || !colour) return false;
  prediction.forEach((z, i) => cells[i]!.setAttribute('fill', String(colour.apply(z))));
  const half = (side[1]! - side[0]!) / 2;
  const lines = foldsOf(units, side[0]! - half, side.at(-1)! + half);
  const group = folds[0]!;
  while (group.children.length > lines.length) group.lastElementChild!.remove();
  while (group.children.length < lines.length) group.append(group.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path'));
  const r = (v: number) => Math.round(v * 1000) / 1000;
  lines.forEach(([a, b, c, d], i) =>
    group.children[i]!.setAttribute('d', `M${r(sx.apply(a))},${r(sy.apply(b))}L${r(sx.apply(c))},${r(sy.apply(d))}`),
  );
  return true;
}

/** One colour scale for target and model, fixed by the target so the two compare. */
const surfaceColour = (target: readonly number[]) =>
  ({ type: 'linear', scheme: 'viridis', domain: [Math.min(...target), Math.max(...target)], clamp: true }) as const;

/**
 * The heat maps' colour key: a ramp from the target's lowest value to its highest (values
 * beyond take the end colours), drawn as SVG bands, so the build draws it too (Plot's own
 * ramp paints a canvas).
 */
export function surfaceLegend(target: readonly number[], doc?: Document): SVGSVGElement | HTMLElement {
  const colour = surfaceColour(target);
  const [lo, hi] = colour.domain;
  const bands = Array.from({ length: 48 }, (_, i) => ({ x1: lo + ((hi - lo) * i) / 48, x2: lo + ((hi - lo) * (i + 1)) / 48 }));
  const key = themedPlot({
    document: doc,
    width: 300,
    height: 64,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 6,
    marginBottom: 40,
    x: { domain: [lo, hi], label: 'value (target and model)', labelAnchor: 'left', labelArrow: 'none', labelOffset: 36, ticks: 5, tickFormat: '~g' },
    y: { axis: null },
    color: colour,
    marks: [Plot.rect(bands, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: (b: { x1: number; x2: number }) => (b.x1 + b.x2) / 2, inset: -0.4 })],
    ariaLabel: 'Colour key of the heat maps',
    ariaDescription: `From dark purple at ${lo.toPrecision(3)} through green to yellow at ${hi.toPrecision(3)}; values beyond either end take its colour.`,
  });
  // Drawn at its own size, not stretched to the chart's width like the charts.
  key.classList.add('if-colour-key');
  return key;
}
