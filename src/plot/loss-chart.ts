import * as Plot from '@observablehq/plot';
import { lossHeight } from './sizes';
import { themedPlot } from './themed-plot';
import { linePath, niceCeil, svgOf, type PlotFigure } from './fast-update';

export interface LossChartInput {
  rows: readonly { step: number; loss: number }[];
  log?: boolean;
  width?: number;
  /** What one unit on the x axis is ("step", or "try" for a demo fitted by hand). */
  xLabel?: string;
  /**
   * Several curves instead of one (training and validation loss; one run per optimizer):
   * each a name and its values by step, drawn in its own colour with a legend.
   */
  series?: readonly { name: string; rows: readonly { step: number; loss: number }[] }[];
  /** What the y axis measures (the series' values: "loss" unless, say, an accuracy). */
  yLabel?: string;
  document?: Document;
}

/** At most this many points are drawn (and the last); a long run is thinned evenly over its steps. */
export const MAX_LOSS_POINTS = 600;

/**
 * Every row at least 1/max of the run's span of steps after the last one kept, and the
 * last row: even over the steps, however densely the rows come (a long run's log keeps
 * its first and latest rows whole and thins the middle, see StepHistory).
 */
export function thin<T extends { step: number }>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max) return [...rows];
  const gap = (rows.at(-1)!.step - rows[0]!.step) / max;
  const kept: T[] = [];
  let next = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    if (r.step < next) continue;
    kept.push(r);
    next = r.step + gap;
  }
  if (kept.at(-1) !== rows.at(-1)) kept.push(rows.at(-1)!);
  return kept;
}

function plotted(rows: LossChartInput['rows'], log: boolean) {
  return thin(
    rows.filter((r) => Number.isFinite(r.loss) && (!log || r.loss > 0)),
    MAX_LOSS_POINTS,
  );
}

/** Domains rounded outwards to nice values, so the chart is redrawn only now and then. */
function domains(points: { step: number; loss: number }[], log: boolean) {
  const losses = points.map((p) => p.loss);
  const hi = Math.max(...losses, log ? 1e-6 : 1e-9);
  const lo = Math.min(...losses, hi);
  const x: [number, number] = [0, niceCeil(Math.max(10, points.at(-1)?.step ?? 0))];
  const y: [number, number] = log ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))] : [0, niceCeil(hi)];
  return { x, y };
}

function describe(points: { step: number; loss: number }[]): string {
  const [first, last] = [points[0], points.at(-1)];
  return first && last
    ? `Loss from step ${first.step} (${first.loss.toPrecision(4)}) to step ${last.step} (${last.loss.toPrecision(4)}).`
    : 'No steps yet.';
}

/** The loss by step, on a linear or log scale. Non-finite values never reach it (the runtime stops first). */
export function lossChart({
  rows,
  log = false,
  width = 640,
  xLabel = 'step',
  series,
  yLabel = 'loss',
  document,
}: LossChartInput): SVGSVGElement | HTMLElement {
  if (series?.length) return seriesChart(series, log, width, xLabel, document, yLabel);
  const points = plotted(rows, log);
  const { x, y } = domains(points, log);
  const figure = themedPlot({
    document,
    width,
    height: lossHeight(width),
    marginLeft: 52,
    x: { domain: x, label: xLabel, grid: true },
    y: { type: log ? 'log' : 'linear', domain: y, label: log ? 'loss (log scale)' : 'loss', grid: true, tickFormat: log ? '~g' : undefined },
    marks: [
      Plot.line(points, { x: 'step', y: 'loss', stroke: 'var(--if-model)', strokeWidth: 2, className: 'if-loss' }),
      Plot.dot(points.slice(-1), { x: 'step', y: 'loss', fill: 'var(--if-model)', r: 3, className: 'if-last' }),
    ],
    ariaLabel: 'Loss by training step',
    ariaDescription: describe(points),
  });
  mark(figure, width, log, 0, { x, y });
  return figure;
}

/**
 * Moves the lines of a chart made by {@link lossChart} (one loss, or several series) to
 * new rows in place, when its domains still hold them and it has a line for each series;
 * false when it must be drawn anew.
 */
export function updateLossChart(figure: HTMLElement, { rows, log = false, series }: Pick<LossChartInput, 'rows' | 'log' | 'series'>): boolean {
  const svg = svgOf(figure) as (PlotFigure & SVGSVGElement) | null;
  if (!svg || figure.dataset.log !== String(log) || figure.dataset.series !== String(series?.length ?? 0)) return false;
  const lines = series?.length ? series.map((s) => plotted(s.rows, log)) : [plotted(rows, log)];
  const all = lines.flat();
  if (all.length < 2 || JSON.stringify(domains(all, log)) !== figure.dataset.domain) return false;
  const paths = svg.querySelectorAll(series?.length ? 'g.if-series path' : 'g.if-loss path');
  const dots = svg.querySelectorAll(series?.length ? 'g.if-series-last circle' : 'g.if-last circle');
  if (paths.length !== lines.length || dots.length !== lines.length || lines.some((l) => l.length === 0)) return false;
  const ds = lines.map((l) =>
    linePath(
      svg,
      l.map((p) => p.step),
      l.map((p) => p.loss),
    ),
  );
  if (ds.some((d) => d === null)) return false;
  ds.forEach((d, i) => {
    paths[i]!.setAttribute('d', d!);
    const end = d!.slice(d!.lastIndexOf(d!.includes('L') ? 'L' : 'M') + 1).split(',');
    dots[i]!.setAttribute('cx', end[0]!);
    dots[i]!.setAttribute('cy', end[1]!);
  });
  svg.setAttribute(
    'aria-description',
    series?.length ? describeSeries(series.map((s, i) => ({ name: s.name, points: lines[i]! }))) : describe(lines[0]!),
  );
  return true;
}

/** What a chart of several series says to a screen reader: each one's latest value. */
function describeSeries(lines: { name: string; points: { step: number; loss: number }[] }[]): string {
  return lines
    .map((l) => `${l.name}: ${l.points.at(-1) ? `${l.points.at(-1)!.loss.toPrecision(4)} at step ${l.points.at(-1)!.step}` : 'no steps yet'}`)
    .join('; ');
}

/** The test hooks and what {@link updateLossChart} checks: the width, the scale, the number of series and the domains drawn. */
function mark(figure: Element, width: number, log: boolean, series: number, domain: { x: [number, number]; y: [number, number] }): void {
  Object.assign((figure as HTMLElement).dataset, { width: String(width), log: String(log), series: String(series), domain: JSON.stringify(domain) });
}

/** Plot's "observable10" colours, named here so the legend (plain HTML) and the lines agree. */
const SERIES_COLOURS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

/** The colour of a loss chart's `i`-th line (a race's fit chart draws its shown run in it). */
export const seriesColour = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

/**
 * Several loss curves, one colour each, under a legend; always drawn anew (see lossChart).
 * The legend is a plain list rather than Plot's, whose inline <style> is not valid in a page's body.
 */
function seriesChart(
  series: NonNullable<LossChartInput['series']>,
  log: boolean,
  width: number,
  xLabel: string,
  doc: Document | undefined,
  yLabel = 'loss',
): HTMLElement {
  const lines = series.map((s) => ({ name: s.name, points: plotted(s.rows, log) }));
  const all = lines.flatMap((l) => l.points);
  const { x, y } = domains(all.length ? all : [{ step: 0, loss: 1 }], log);
  const rows = lines.flatMap((l) => l.points.map((p) => ({ ...p, name: l.name })));
  const last = lines.flatMap((l) => l.points.slice(-1).map((p) => ({ ...p, name: l.name })));
  const colours = series.map((_, i) => seriesColour(i));
  const svg = themedPlot({
    document: doc,
    width,
    height: lossHeight(width, true),
    marginLeft: 52,
    x: { domain: x, label: xLabel, grid: true },
    y: { type: log ? 'log' : 'linear', domain: y, label: log ? `${yLabel} (log scale)` : yLabel, grid: true, tickFormat: log ? '~g' : undefined },
    color: { domain: series.map((s) => s.name), range: colours },
    marks: [
      Plot.line(rows, { x: 'step', y: 'loss', z: 'name', stroke: 'name', strokeWidth: 2, className: 'if-series' }),
      Plot.dot(last, { x: 'step', y: 'loss', fill: 'name', r: 3, className: 'if-series-last' }),
    ],
    ariaLabel: `${yLabel[0]!.toUpperCase()}${yLabel.slice(1)} by training step, one line per run`,
    ariaDescription: describeSeries(lines),
  });
  const d = doc ?? document;
  const box = d.createElement('div');
  box.className = 'if-series-chart';
  const legend = d.createElement('ul');
  legend.className = 'if-legend';
  legend.setAttribute('aria-hidden', 'true');
  series.forEach((s, i) => {
    const item = d.createElement('li');
    const swatch = d.createElement('span');
    swatch.className = 'if-swatch';
    swatch.setAttribute('style', `background:${colours[i]}`);
    item.append(swatch, d.createTextNode(s.name));
    legend.append(item);
  });
  box.append(legend, svg);
  mark(box, width, log, series.length, { x, y });
  return box;
}
