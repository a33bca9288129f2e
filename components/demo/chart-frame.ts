/**
 * Between the page and a Plot figure's data: its scales, a pointer's data position, and
 * placing an element of the overlay at a data point. The overlay's modes share these.
 */
import type { PlotFigure } from '../../src/plot/fast-update';

export { interpolate } from '../../src/plot/interpolate';

interface Scale {
  apply(v: number): number;
  invert?(p: number): number;
  domain?: readonly number[];
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The figure's scales and its size in its own units (its CSS size may differ). */
export interface Frame {
  sx: Scale;
  sy: Scale;
  width: number;
  height: number;
  /** The y-values the chart shows, low to high. */
  yRange: [number, number];
}

export function frame(figure: Element | null): Frame | null {
  const f = figure as PlotFigure | null;
  const sx = f?.scale?.('x') as Scale | undefined;
  const sy = f?.scale?.('y') as Scale | undefined;
  const width = Number(f?.getAttribute('width'));
  const height = Number(f?.getAttribute('height'));
  if (!sx?.invert || !sy?.invert || !width || !height) return null;
  const [y0, y1] = sy.domain ?? [-Infinity, Infinity];
  return { sx, sy, width, height, yRange: [Math.min(y0!, y1!), Math.max(y0!, y1!)] };
}

/** A pointer's position in data coordinates, through the figure under it. */
export function pointerToData(figure: Element | null, e: PointerEvent): { x: number; y: number } | null {
  const f = frame(figure);
  if (!f || !figure) return null;
  const rect = figure.getBoundingClientRect();
  const px = ((e.clientX - rect.left) * f.width) / rect.width;
  const py = ((e.clientY - rect.top) * f.height) / rect.height;
  return { x: f.sx.invert!(px), y: f.sy.invert!(py) };
}

/** Places an element of the layer at a data point (as percentages, so resizing needs no redraw). */
export function place(el: HTMLElement, f: Frame, x: number, y: number): void {
  el.style.left = `${(100 * f.sx.apply(x)) / f.width}%`;
  el.style.top = `${(100 * f.sy.apply(y)) / f.height}%`;
}
