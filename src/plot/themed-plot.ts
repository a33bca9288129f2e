import * as Plot from '@observablehq/plot';
import { svgOf } from './fast-update';

/**
 * Makes a Plot figure one accessible image: the SVG keeps its label and description,
 * and the labels Plot puts on inner <g> groups (not allowed on a plain group) are removed.
 */
export function asAccessibleImage<T extends Element>(figure: T): T {
  const svg = svgOf(figure);
  if (!svg) return figure;
  svg.setAttribute('role', 'img');
  for (const el of svg.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  return figure;
}

/** The class of every chart; site.css holds the rules Plot would otherwise inline per chart. */
export const PLOT_CLASS = 'if-plot';

/**
 * Plot.plot with the site's look (transparent background, the page's text colour, so light
 * and dark themes need no redraw) and as one accessible image.
 * Plot puts a <style> element in every chart it draws. Each one that reaches the page, as
 * the parser meets it or as a redraw inserts it, makes the browser recompute the style of the
 * whole document: on a chapter with many charts and code listings that was most of the work
 * blocking a phone's main thread. The same rules live once in site.css instead.
 */
export function themedPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  const figure = Plot.plot({ className: PLOT_CLASS, style: { background: 'transparent', color: 'inherit', fontSize: '12px' }, ...options });
  for (const style of figure.querySelectorAll('style')) style.remove();
  return asAccessibleImage(figure);
}

/** Attributes that hold drawing coordinates, where Plot writes full double precision. */
const COORDINATES = /\s(d|points|x|y|x1|x2|y1|y2|cx|cy|transform)="([^"]*)"/g;
/** A polyline path as Plot's linear curves write it: M x,y then L x,y for every point. */
const POLYLINE = /^M-?[\d.e-]+,-?[\d.e-]+(?:L-?[\d.e-]+,-?[\d.e-]+)+$/;
/** How far (in pixels) a dropped point may lie from the straight segment drawn instead. */
const TOLERANCE = 0.05;

const round = (n: number) => Math.round(n * 10) / 10;

/** Distance from p to the line through a and b. */
function offLine([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx! - ax!,
    dy = by! - ay!;
  const length = Math.hypot(dx, dy);
  return length === 0 ? Math.hypot(px! - ax!, py! - ay!) : Math.abs(dy * (px! - ax!) - dx * (py! - ay!)) / length;
}

/**
 * The points of a polyline that matter: a point is dropped when it, and every point dropped
 * since the last one kept, lie within TOLERANCE of the segment that replaces them. Straight
 * runs (a ReLU unit's flat part and its ramp) shrink to their ends.
 */
function simplify(points: number[][]): number[][] {
  const kept = [points[0]!];
  let from = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const next = points[i + 1]!;
    let straight = true;
    for (let j = from + 1; j <= i && straight; j++) straight = offLine(points[j]!, points[from]!, next) <= TOLERANCE;
    if (!straight) {
      kept.push(points[i]!);
      from = i;
    }
  }
  kept.push(points[points.length - 1]!);
  return kept;
}

function compactPath(d: string): string {
  const points = d
    .slice(1)
    .split('L')
    .map((p) => p.split(',').map(Number));
  return `M${simplify(points)
    .map(([x, y]) => `${round(x!)},${round(y!)}`)
    .join('L')}`;
}

/**
 * A chart's markup for the static page, lighter: coordinates rounded to a tenth of a pixel
 * (a chart is drawn at most twice its 640-pixel width) and straight runs of a polyline drawn
 * as one segment. Plot writes every point of every curve at full double precision; a chart
 * of a hundred units' curves then costs the page a hundred kilobytes for nothing.
 * Labels and descriptions are left exactly as they are.
 */
export function compactSvg(markup: string): string {
  return markup.replace(
    COORDINATES,
    (_, name: string, value: string) =>
      ` ${name}="${name === 'd' && POLYLINE.test(value) ? compactPath(value) : value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(round(Number(n))))}"`,
  );
}
