import * as Plot from '@observablehq/plot';
import { themedPlot } from './themed-plot';
import { setPaths, type PlotFigure } from './fast-update';

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
export function fitChart({
  data,
  heldOut,
  grid,
  curves,
  unitNames = [],
  yDomain: fixedY,
  axes = { x: 'x', y: 'y' },
  width = 640,
  model,
  document,
}: FitChartInput): SVGSVGElement | HTMLElement {
  const points = data.x.map((x, i) => ({ x, y: data.y[i]! }));
  const [prediction, ...units] = curves ?? [];
  const unitRows = units.flatMap((col, u) => grid.map((x, i) => ({ x, y: col[i]!, unit: unitNames[u] ?? `unit ${u + 1}` })));
  const figure = themedPlot({
    document,
    width,
    height: Math.round(width * 0.55),
    marginLeft: 44,
    x: { domain: [grid[0]!, grid.at(-1)!], label: axes.x, grid: true },
    y: { domain: fixedY ? [...fixedY] : yDomain([...data.y, ...(heldOut?.y ?? [])]), label: axes.y, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.line(unitRows, {
        x: 'x',
        y: 'y',
        z: 'unit',
        stroke: 'var(--if-unit)',
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
      ...heldOutMarks(heldOut, grid),
    ],
    ariaLabel: 'Data points and the model curve',
    ariaDescription: `${points.length} data points${heldOut?.x.length ? ` and ${heldOut.x.length} held-out points (hollow diamonds, never trained on)` : ''}; the thick line is ${model ? `the ${model.label} run's` : "the model's"} prediction${units.length ? `, the dashed lines its ${units.length} units` : ''}.`,
  });
  // Which run is drawn: a change of it redraws the chart (moving the line would keep its colour).
  figure.setAttribute('data-model', model?.label ?? '');
  return figure;
}

/** Held-out points as hollow diamonds, each labelled on the side with room (left of it in the chart's right half). */
function heldOutMarks(heldOut: FitChartInput['heldOut'], grid: readonly number[]): Plot.Markish[] {
  if (!heldOut?.x.length) return [];
  const mid = (grid[0]! + grid.at(-1)!) / 2;
  const held = heldOut.x.map((x, i) => ({ x, y: heldOut.y[i]!, anchor: x > mid ? ('end' as const) : ('start' as const) }));
  return [
    Plot.dot(held, { x: 'x', y: 'y', r: 5, symbol: 'diamond', fill: 'none', stroke: 'var(--if-data)', strokeWidth: 2, className: 'if-held-out' }),
    ...(['start', 'end'] as const).map((side) =>
      Plot.text(
        held.filter((h) => h.anchor === side),
        { x: 'x', y: 'y', text: () => 'held out', textAnchor: side, dx: side === 'end' ? -9 : 9, fill: 'currentColor', fontSize: 11 },
      ),
    ),
  ];
}

/**
 * Moves the curves of a chart made by {@link fitChart} to new values without redrawing it
 * (its scales are fixed by the data and grid). False when it must be redrawn instead.
 */
export function updateFitCurves(figure: PlotFigure, grid: readonly number[], curves: readonly (readonly number[])[]): boolean {
  const [prediction, ...units] = curves;
  if (!prediction) return false;
  return setPaths(figure, 'if-prediction', [prediction], grid) && setPaths(figure, 'if-units', units, grid);
}
