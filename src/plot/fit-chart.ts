import * as Plot from '@observablehq/plot';
import { fitHeight } from './sizes';
import { themedPlot } from './themed-plot';
import { linePath, setPaths, type PlotFigure } from './fast-update';
import { interpolate } from './interpolate';
import { unitColour } from './unit-colours';

export interface FitChartInput {
  data: { x: readonly number[]; y: readonly number[] };
  /** Points the model never trains on: hollow diamonds, labelled. */
  heldOut?: { x: readonly number[]; y: readonly number[] };
  grid: readonly number[];
  /** Columns over the grid: the model's prediction, then each unit's curve (drawn faintly). */
  curves: readonly (readonly number[])[] | null;
  unitNames?: readonly string[];
  /** The y-range (default: the data's, with a margin). */
  yDomain?: readonly [number, number];
  /** Axis labels (default x and y). */
  axes?: { x: string; y: string };
  width?: number;
  /** Where a demo has several runs: the one drawn, named, in its line's colour in the loss chart. */
  model?: { label: string; colour: string };
  /** A curve drawn dotted beside the model's (the one the data came from), over `grid`; null: hidden. */
  reference?: { label: string; y: readonly number[] } | null;
  /** Draw each point's miss, a segment from the point to the model's curve. */
  residuals?: boolean;
  /** For rendering at build time (linkedom's document); the browser's otherwise. */
  document?: Document;
}

/** y-range with a margin, fixed by the data so the chart does not jump while training. */
function yDomain(y: readonly number[]): [number, number] {
  const lo = Math.min(...y);
  const hi = Math.max(...y);
  const pad = 0.15 * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

/**
 * The data as dots and the model's curve over them, with each unit's own curve faint
 * beneath: so every kink in the sum can be traced to the unit that made it.
 * Colours come from CSS variables, so light and dark themes restyle it without a redraw.
 */
export function fitChart(input: FitChartInput): SVGSVGElement | HTMLElement {
  const { data, heldOut, grid, curves, yDomain: fixedY, axes = { x: 'x', y: 'y' }, width = 640, model, reference, residuals = false } = input;
  const points = data.x.map((x, i) => ({ x, y: data.y[i]! }));
  const [prediction, ...units] = curves ?? [];
  const misses = residuals && prediction ? residualSegments(data, grid, prediction) : [];
  const figure = themedPlot({
    document: input.document,
    width,
    height: fitHeight(width),
    marginLeft: 44,
    x: { domain: [grid[0]!, grid.at(-1)!], label: axes.x, grid: true },
    y: { domain: fixedY ? [...fixedY] : yDomain([...data.y, ...(heldOut?.y ?? [])]), label: axes.y, grid: true },
    // Unit colours are CSS variables, passed through as they are.
    color: { type: 'identity' },
    marks: fitMarks(input, points, prediction, units, misses),
    ariaLabel: 'Data points and the model curve',
    ariaDescription: `${points.length} data points${heldOut?.x.length ? ` and ${heldOut.x.length} held-out points (hollow diamonds, never trained on)` : ''}; the thick line is ${model ? `the ${model.label} run's` : "the model's"} prediction${units.length ? `, the dashed lines its ${units.length} units, each in its own colour with a dot at its kink` : ''}${misses.length ? '; a short line joins each point to the curve: its miss' : ''}${reference ? `; dotted: ${reference.label}` : ''}.`,
  });
  // Which run is drawn: a change of it redraws the chart (moving the line would keep its colour).
  figure.setAttribute('data-model', model?.label ?? '');
  if (reference) figure.setAttribute('data-reference', '');
  return figure;
}

/** The fit chart's marks, bottom to top: zero line, reference, misses, units, model, data, kinks, held-out points. */
function fitMarks(
  { grid, heldOut, unitNames = [], model, reference }: FitChartInput,
  points: { x: number; y: number }[],
  prediction: readonly number[] | undefined,
  units: readonly (readonly number[])[],
  misses: ReturnType<typeof residualSegments>,
): Plot.Markish[] {
  return [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    reference ? referenceMark(grid, reference.y) : null,
    // Each point's miss, under the point: what the loss adds up.
    Plot.link(misses, {
      x1: 'x',
      y1: 'y',
      x2: 'x',
      y2: 'fit',
      stroke: 'var(--if-data)',
      strokeOpacity: 0.7,
      strokeWidth: 1.5,
      clip: true,
      className: 'if-residuals',
    }),
    Plot.line(unitLines(grid, units, unitNames), {
      x: 'x',
      y: 'y',
      z: 'unit',
      stroke: 'colour',
      strokeWidth: 1.5,
      strokeDasharray: '4 3',
      clip: true,
      className: 'if-units',
    }),
    prediction
      ? Plot.line(
          grid.map((x, i) => ({ x, y: prediction[i]! })),
          { x: 'x', y: 'y', stroke: model?.colour ?? 'var(--if-model)', strokeWidth: 2.5, clip: true, className: 'if-prediction' },
        )
      : null,
    Plot.dot(points, { x: 'x', y: 'y', r: 3.5, fill: 'var(--if-data)', stroke: 'var(--if-data-ring)' }),
    // Each unit's kink on its own line, in its colour (drawn over the data, as the handles are).
    Plot.dot(unitKinks(grid, units), {
      x: 'x',
      y: 'y',
      r: 4,
      fill: (k: Kink) => unitColour(k.unit),
      stroke: 'var(--if-data-ring)',
      clip: true,
      className: 'if-kinks',
    }),
    ...heldOutMarks(heldOut, grid),
  ];
}

/** Each unit's curve as rows for one line per unit, in the unit's colour. */
const unitLines = (grid: readonly number[], units: readonly (readonly number[])[], names: readonly string[]) =>
  units.flatMap((col, u) => grid.map((x, i) => ({ x, y: col[i]!, unit: names[u] ?? `unit ${u + 1}`, colour: unitColour(u) })));

/** A curve to compare with (the one the data came from): thin and dotted, under everything else. */
const referenceMark = (grid: readonly number[], ys: readonly number[]) =>
  Plot.line(
    grid.map((x, i) => ({ x, y: ys[i]! })),
    {
      x: 'x',
      y: 'y',
      stroke: 'currentColor',
      strokeWidth: 1.5,
      strokeDasharray: '1 3',
      strokeLinecap: 'round',
      clip: true,
      className: 'if-reference',
    },
  );

/**
 * Held-out points as hollow diamonds: a few are each labelled on the side with room (left of
 * it in the chart's right half); more than three share one note in the corner.
 */
function heldOutMarks(heldOut: FitChartInput['heldOut'], grid: readonly number[]): Plot.Markish[] {
  if (!heldOut?.x.length) return [];
  const mid = (grid[0]! + grid.at(-1)!) / 2;
  const held = heldOut.x.map((x, i) => ({ x, y: heldOut.y[i]!, anchor: x > mid ? ('end' as const) : ('start' as const) }));
  const dots = Plot.dot(held, {
    x: 'x',
    y: 'y',
    r: 5,
    symbol: 'diamond',
    fill: 'none',
    stroke: 'var(--if-data)',
    strokeWidth: 2,
    className: 'if-held-out',
  });
  if (held.length > 3) {
    return [
      dots,
      Plot.text([`◇ ${held.length} held-out points (never trained on)`], {
        frameAnchor: 'top-left',
        dx: 6,
        dy: 6,
        fill: 'currentColor',
        fontSize: 11,
      }),
    ];
  }
  return [
    dots,
    ...(['start', 'end'] as const).map((side) =>
      Plot.text(
        held.filter((h) => h.anchor === side),
        { x: 'x', y: 'y', text: () => 'held out', textAnchor: side, dx: side === 'end' ? -9 : 9, fill: 'currentColor', fontSize: 11 },
      ),
    ),
  ];
}

/** What {@link updateFitCurves} moves: everything, the model alone, its units alone, or units `from` to `to` (the kinks with the last). */
export type FitPart = 'all' | 'model' | 'units' | { from: number; to: number };

/**
 * Moves the curves of a chart made by {@link fitChart} to new values without redrawing it
 * (its scales are fixed by the data and grid). False when it must be redrawn instead.
 * `part` moves only the model (its curve and residuals) or only its units (their curves
 * and kinks), or a share of the units, so a chart of many units can be moved over several
 * frames.
 */
export function updateFitCurves(
  figure: PlotFigure,
  grid: readonly number[],
  curves: readonly (readonly number[])[],
  data?: FitChartInput['data'],
  part: FitPart = 'all',
): boolean {
  const [prediction, ...units] = curves;
  if (!prediction) return false;
  const model = () =>
    setResiduals(figure, data ? residualSegments(data, grid, prediction) : []) && setPaths(figure, 'if-prediction', [prediction], grid);
  const { from, to } = typeof part === 'object' ? part : { from: 0, to: units.length };
  const parts = () =>
    setPaths(figure, 'if-units', units.slice(from, to), grid, from, units.length) && (to < units.length || setKinks(figure, unitKinks(grid, units)));
  const movesModel = part === 'all' || part === 'model';
  return (!movesModel || model()) && (part === 'model' || parts());
}

/** Each point and the model's value at its x (read off the curve over the grid). */
function residualSegments(data: FitChartInput['data'], grid: readonly number[], prediction: readonly number[]) {
  return data.x.map((x, i) => ({ x, y: data.y[i]!, fit: interpolate(grid, prediction, x) }));
}

/** Moves the residual segments drawn by {@link fitChart} (none drawn: nothing to move); false if their number changed. */
function setResiduals(figure: PlotFigure, misses: readonly { x: number; y: number; fit: number }[]): boolean {
  const links = figure.querySelectorAll('g.if-residuals path');
  if (links.length === 0) return true;
  if (links.length !== misses.length) return false;
  return misses.every((m, i) => {
    const d = linePath(figure, [m.x, m.x], [m.y, m.fit]);
    if (d) links[i]!.setAttribute('d', d);
    return d !== null;
  });
}

interface Kink {
  unit: number;
  x: number;
  y: number;
}

/**
 * Where each unit's curve bends, read off the curve itself (so any demo's units qualify, and
 * the marker sits exactly on the line drawn): the two grid segments either side of the
 * sharpest change of slope, extended until they meet. A straight unit, or one whose kink lies
 * off the grid, has none.
 */
export function unitKinks(grid: readonly number[], units: readonly (readonly number[])[]): Kink[] {
  const kinks: Kink[] = [];
  units.forEach((ys, unit) => {
    const slope = (i: number) => (ys[i + 1]! - ys[i]!) / (grid[i + 1]! - grid[i]!);
    let at = -1;
    let sharpest = 0;
    let steepest = 0;
    for (let i = 1; i < grid.length - 1; i++) {
      const change = Math.abs(slope(i) - slope(i - 1));
      steepest = Math.max(steepest, Math.abs(slope(i)));
      if (change > sharpest) [at, sharpest] = [i, change];
    }
    if (at < 0 || !(sharpest > 1e-3 * steepest + 1e-9)) return;
    // Segment at-1 is wholly on one side; the kink lies in segment at-1..at or at..at+1. The
    // lines through the segments beyond it on either side meet at the kink.
    const left = Math.max(0, at - 2);
    const right = Math.min(grid.length - 2, at + 1);
    const [sl, sr] = [slope(left), slope(right)];
    const x = Math.abs(sl - sr) < 1e-12 ? grid[at]! : (ys[right]! - ys[left]! + sl * grid[left]! - sr * grid[right]!) / (sl - sr);
    if (x < grid[0]! || x > grid.at(-1)!) return;
    kinks.push({ unit, x, y: ys[left]! + sl * (x - grid[left]!) });
  });
  return kinks;
}

/** Moves the kink dots drawn by {@link fitChart}; false if their number changed (then it is redrawn). */
function setKinks(figure: PlotFigure, kinks: readonly Kink[]): boolean {
  const group = figure.querySelector('g.if-kinks');
  const sx = figure.scale?.('x');
  const sy = figure.scale?.('y');
  if (!sx || !sy || !group) return !!sx && !!sy && kinks.length === 0;
  // A unit's kink comes onto the grid or leaves it: a dot more or fewer (a dot has its place, radius and colour; the group, the rest).
  while (group.children.length > kinks.length) group.lastElementChild!.remove();
  while (group.children.length < kinks.length) group.append(group.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'circle'));
  const dots = group.children;
  kinks.forEach((k, i) => {
    dots[i]!.setAttribute('cx', String(Math.round(sx.apply(k.x) * 10) / 10));
    dots[i]!.setAttribute('cy', String(Math.round(sy.apply(k.y) * 10) / 10));
    dots[i]!.setAttribute('fill', unitColour(k.unit));
    dots[i]!.setAttribute('r', '4');
  });
  return true;
}
