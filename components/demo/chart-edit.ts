/**
 * Editing a fit chart by hand, on an HTML layer over the Plot figure (the figure itself is
 * one accessible image, so its insides cannot take focus):
 * - KinkHandles: one handle per ReLU unit at its kink, on the model's curve. Drag it
 *   sideways to move the kink, up or down to change how much the unit adds; with the
 *   keyboard, arrows do the same and Page Up/Page Down pick another unit.
 * - CurveDrawer: the reader draws a target with a pointer or finger, or point by point
 *   with the keyboard.
 * Both map between the page and the data through the figure's own scales.
 */
import type { PlotFigure } from '../../src/plot/fast-update';
import type { UnitEdit } from '../../src/train/experiment';
import { formatNumber as fmt } from './step-log';

interface Scale {
  apply(v: number): number;
  invert?(p: number): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The figure's scales and its size in its own units (its CSS size may differ). */
function frame(figure: Element | null): { sx: Scale; sy: Scale; width: number; height: number } | null {
  const f = figure as PlotFigure | null;
  const sx = f?.scale?.('x') as Scale | undefined;
  const sy = f?.scale?.('y') as Scale | undefined;
  const width = Number(f?.getAttribute('width'));
  const height = Number(f?.getAttribute('height'));
  if (!sx?.invert || !sy?.invert || !width || !height) return null;
  return { sx, sy, width, height };
}

/** A pointer's position in data coordinates, through the figure under it. */
function pointerToData(figure: Element | null, e: PointerEvent): { x: number; y: number } | null {
  const f = frame(figure);
  if (!f || !figure) return null;
  const rect = figure.getBoundingClientRect();
  const px = ((e.clientX - rect.left) * f.width) / rect.width;
  const py = ((e.clientY - rect.top) * f.height) / rect.height;
  return { x: f.sx.invert!(px), y: f.sy.invert!(py) };
}

/** Places an element of the layer at a data point (as percentages, so resizing needs no redraw). */
function place(el: HTMLElement, f: NonNullable<ReturnType<typeof frame>>, x: number, y: number): void {
  el.style.left = `${(100 * f.sx.apply(x)) / f.width}%`;
  el.style.top = `${(100 * f.sy.apply(y)) / f.height}%`;
}

/** Linear interpolation of ys over the sorted xs at x (clamped to the ends). */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= xs[0]!) return ys[0]!;
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]!) {
      const t = (x - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
      return ys[i - 1]! + t * (ys[i]! - ys[i - 1]!);
    }
  }
  return ys.at(-1)!;
}

const KINK_STEP = 0.05;
const RISE_STEP = 0.1;

export class KinkHandles {
  #layer: HTMLElement;
  #figure: () => Element | null;
  #edit: (edit: UnitEdit) => void;
  #units: number[][] = [];
  #selected = 0;
  #domain: [number, number] = [-Infinity, Infinity];
  #drag: { unit: number; pointer: number; y0: number; rise0: number } | null = null;

  /** `edit` is called with every change the reader makes; the caller sends it on and redraws. */
  constructor(layer: HTMLElement, figure: () => Element | null, edit: (edit: UnitEdit) => void) {
    this.#layer = layer;
    this.#figure = figure;
    this.#edit = edit;
    layer.addEventListener('keydown', (e) => this.#key(e));
    layer.addEventListener('pointerdown', (e) => this.#down(e));
    layer.addEventListener('pointermove', (e) => this.#move(e));
    layer.addEventListener('pointerup', (e) => this.#up(e));
    layer.addEventListener('pointercancel', (e) => this.#up(e));
  }

  get dragging(): boolean {
    return this.#drag !== null;
  }

  /** Puts a handle on each unit's kink, on the model's curve (grid, prediction). */
  update(units: number[][], grid: readonly number[], prediction: readonly number[]): void {
    const f = frame(this.#figure());
    if (!f) return;
    this.#units = units.map((row) => [...row]);
    this.#domain = [grid[0]!, grid.at(-1)!];
    this.#selected = Math.min(this.#selected, units.length - 1);
    let handles = [...this.#layer.querySelectorAll<HTMLElement>('.nn-demo__kink')];
    if (handles.length !== units.length) {
      handles = units.map((_, u) => {
        const h = document.createElement('div');
        h.className = 'nn-demo__kink';
        h.setAttribute('role', 'slider');
        h.setAttribute('aria-label', `Unit ${u + 1} of ${units.length}: kink`);
        h.setAttribute('aria-valuemin', String(this.#domain[0]));
        h.setAttribute('aria-valuemax', String(this.#domain[1]));
        h.dataset.unit = String(u);
        return h;
      });
      this.#layer.replaceChildren(...handles);
    }
    units.forEach(([m, , w], u) => {
      const h = handles[u]!;
      const kink = this.#kink(u);
      const shown = clamp(kink, ...this.#domain);
      place(h, f, shown, interpolate(grid, prediction, shown));
      h.dataset.outside = String(shown !== kink);
      h.tabIndex = u === this.#selected ? 0 : -1;
      h.setAttribute('aria-valuenow', String(Math.round(shown * 1000) / 1000));
      const rise = w! * Math.abs(m!);
      h.setAttribute(
        'aria-valuetext',
        `kink at x = ${fmt(kink)}${shown !== kink ? ' (off the chart)' : ''}, active to the ${m! >= 0 ? 'right' : 'left'}, adds ${fmt(rise)} per unit of x`,
      );
    });
  }

  clear(): void {
    this.#layer.replaceChildren();
    this.#units = [];
  }

  #kink(u: number): number {
    const [m, b] = this.#units[u]!;
    return Math.abs(m!) < 1e-3 ? 0 : -b! / m!;
  }

  /** What the unit adds one unit of x past its kink: w·|m|. */
  #rise(u: number): number {
    const [m, , w] = this.#units[u]!;
    return w! * Math.abs(m!);
  }

  /** Sends an edit in the reader's terms: the kink's x, and the rise (turned into the slope w·m). */
  #send(u: number, kink: number, rise: number): void {
    const m = this.#units[u]![0]!;
    const edit = { unit: u, kink: clamp(kink, ...this.#domain), slope: rise * (m < 0 ? -1 : 1) };
    // Where the edit puts the unit (as the model applies it), so the next key or move builds on it.
    const mNew = Math.abs(m) < 1e-3 ? (m < 0 ? -1 : 1) : m;
    this.#units[u] = [mNew, -mNew * edit.kink, edit.slope / mNew];
    this.#edit(edit);
  }

  #select(u: number): void {
    this.#selected = clamp(u, 0, this.#units.length - 1);
    const handles = this.#layer.querySelectorAll<HTMLElement>('.nn-demo__kink');
    handles.forEach((h, i) => (h.tabIndex = i === this.#selected ? 0 : -1));
    handles[this.#selected]?.focus();
  }

  #key(e: KeyboardEvent): void {
    const u = Number((e.target as HTMLElement).dataset.unit);
    if (!Number.isInteger(u) || !this.#units[u]) return;
    const big = e.shiftKey ? 5 : 1;
    const kink = clamp(this.#kink(u), ...this.#domain);
    switch (e.key) {
      case 'ArrowLeft':
        this.#send(u, kink - KINK_STEP * big, this.#rise(u));
        break;
      case 'ArrowRight':
        this.#send(u, kink + KINK_STEP * big, this.#rise(u));
        break;
      case 'ArrowUp':
        this.#send(u, kink, this.#rise(u) + RISE_STEP * big);
        break;
      case 'ArrowDown':
        this.#send(u, kink, this.#rise(u) - RISE_STEP * big);
        break;
      case 'PageDown':
        this.#select((u + 1) % this.#units.length);
        break;
      case 'PageUp':
        this.#select((u - 1 + this.#units.length) % this.#units.length);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /** The handle whose centre is nearest the pointer (targets overlap where kinks are close). */
  #nearest(e: PointerEvent): HTMLElement | null {
    if (!(e.target as HTMLElement).closest('.nn-demo__kink')) return null;
    let best: HTMLElement | null = null;
    let bestDistance = Infinity;
    for (const h of this.#layer.querySelectorAll<HTMLElement>('.nn-demo__kink')) {
      const r = h.getBoundingClientRect();
      const distance = Math.hypot(e.clientX - (r.left + r.width / 2), e.clientY - (r.top + r.height / 2));
      if (distance < bestDistance) [best, bestDistance] = [h, distance];
    }
    return best;
  }

  #down(e: PointerEvent): void {
    const h = this.#nearest(e);
    const p = pointerToData(this.#figure(), e);
    if (!h || !p) return;
    e.preventDefault();
    const u = Number(h.dataset.unit);
    this.#select(u);
    h.setPointerCapture(e.pointerId);
    this.#drag = { unit: u, pointer: e.pointerId, y0: p.y, rise0: this.#rise(u) };
  }

  #move(e: PointerEvent): void {
    const d = this.#drag;
    if (!d || e.pointerId !== d.pointer) return;
    const p = pointerToData(this.#figure(), e);
    if (p) this.#send(d.unit, p.x, d.rise0 + (p.y - d.y0));
  }

  #up(e: PointerEvent): void {
    if (this.#drag?.pointer === e.pointerId) this.#drag = null;
  }
}

const DRAW_STEP = 0.1;

/**
 * Drawing a target on the chart: the layer takes the pointer, and the keyboard moves one
 * point at a time. `commit` gets the drawn values when a stroke ends (or a pause in typing).
 */
export class CurveDrawer {
  #layer: HTMLElement;
  #figure: () => Element | null;
  #commit: (ys: number[]) => void;
  #xs: readonly number[] = [];
  #ys: number[] = [];
  #range: [number, number];
  #cursor = 0;
  #stroke: { pointer: number; last: number } | null = null;
  #timer = 0;
  /** Between begin() and end(); the layer's events are the kink handles' otherwise. */
  #active = false;

  constructor(layer: HTMLElement, figure: () => Element | null, range: [number, number], commit: (ys: number[]) => void) {
    this.#layer = layer;
    this.#figure = figure;
    this.#range = range;
    this.#commit = commit;
    layer.addEventListener('pointerdown', (e) => this.#down(e));
    layer.addEventListener('pointermove', (e) => this.#move(e));
    layer.addEventListener('pointerup', (e) => this.#up(e));
    layer.addEventListener('pointercancel', (e) => this.#up(e));
    layer.addEventListener('keydown', (e) => this.#key(e));
  }

  /** Starts drawing over xs from ys (the current target); the layer takes focus. */
  begin(xs: readonly number[], ys: readonly number[]): void {
    this.#xs = xs;
    this.#ys = ys.map((y) => clamp(y, ...this.#range));
    this.#cursor = Math.floor(xs.length / 2);
    this.#active = true;
    this.#layer.tabIndex = 0;
    this.#layer.setAttribute('role', 'slider');
    this.#layer.setAttribute('aria-label', 'Your curve: left and right pick a point, up and down move it');
    this.#layer.setAttribute('aria-valuemin', String(this.#range[0]));
    this.#layer.setAttribute('aria-valuemax', String(this.#range[1]));
    this.#render();
    this.#layer.focus();
  }

  end(): void {
    this.#active = false;
    clearTimeout(this.#timer);
    this.#stroke = null;
    this.#layer.removeAttribute('tabindex');
    for (const a of ['role', 'aria-label', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext']) this.#layer.removeAttribute(a);
    this.#layer.replaceChildren();
  }

  /** The drawn curve and its points, over the figure, in its own coordinates. */
  #render(): void {
    const f = frame(this.#figure());
    if (!f) return;
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${f.width} ${f.height}`);
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('nn-demo__drawing');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', this.#xs.map((x, i) => `${i ? 'L' : 'M'}${f.sx.apply(x)},${f.sy.apply(this.#ys[i]!)}`).join(''));
    svg.append(path);
    this.#xs.forEach((x, i) => {
      const dot = document.createElementNS(NS, 'circle');
      dot.setAttribute('cx', String(f.sx.apply(x)));
      dot.setAttribute('cy', String(f.sy.apply(this.#ys[i]!)));
      dot.setAttribute('r', i === this.#cursor ? '6' : '3');
      if (i === this.#cursor) dot.classList.add('nn-demo__cursor');
      svg.append(dot);
    });
    this.#layer.replaceChildren(svg);
    const y = this.#ys[this.#cursor]!;
    this.#layer.setAttribute('aria-valuenow', String(y));
    this.#layer.setAttribute('aria-valuetext', `point ${this.#cursor + 1} of ${this.#xs.length}: x = ${fmt(this.#xs[this.#cursor]!)}, y = ${fmt(y)}`);
  }

  #index(x: number): number {
    const x0 = this.#xs[0]!;
    const dx = (this.#xs.at(-1)! - x0) / (this.#xs.length - 1);
    return clamp(Math.round((x - x0) / dx), 0, this.#xs.length - 1);
  }

  /** Sets the point under (x, y), and those between it and the stroke's last point, on a straight line. */
  #paint(x: number, y: number): void {
    const i = this.#index(x);
    const v = clamp(y, ...this.#range);
    const last = this.#stroke?.last ?? i;
    const from = this.#ys[last]!;
    const lo = Math.min(last, i);
    const hi = Math.max(last, i);
    for (let k = lo; k <= hi; k++) {
      const t = hi === lo ? 1 : (k - last) / (i - last);
      this.#ys[k] = last === i ? v : from + t * (v - from);
    }
    this.#cursor = i;
    if (this.#stroke) this.#stroke.last = i;
    this.#render();
  }

  #down(e: PointerEvent): void {
    if (!this.#active) return;
    const p = pointerToData(this.#figure(), e);
    if (!p) return;
    e.preventDefault();
    this.#layer.focus();
    this.#layer.setPointerCapture(e.pointerId);
    this.#stroke = { pointer: e.pointerId, last: this.#index(p.x) };
    this.#paint(p.x, p.y);
  }

  #move(e: PointerEvent): void {
    if (this.#stroke?.pointer !== e.pointerId) return;
    const p = pointerToData(this.#figure(), e);
    if (p) this.#paint(p.x, p.y);
  }

  #up(e: PointerEvent): void {
    if (this.#stroke?.pointer !== e.pointerId) return;
    this.#stroke = null;
    this.#commit([...this.#ys]);
  }

  #key(e: KeyboardEvent): void {
    if (!this.#active || e.target !== this.#layer) return;
    const big = e.shiftKey ? 5 : 1;
    const n = this.#xs.length;
    switch (e.key) {
      case 'ArrowLeft':
        this.#cursor = Math.max(0, this.#cursor - 1);
        break;
      case 'ArrowRight':
        this.#cursor = Math.min(n - 1, this.#cursor + 1);
        break;
      case 'Home':
        this.#cursor = 0;
        break;
      case 'End':
        this.#cursor = n - 1;
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const dy = (e.key === 'ArrowUp' ? 1 : -1) * DRAW_STEP * big;
        this.#ys[this.#cursor] = clamp(Math.round((this.#ys[this.#cursor]! + dy) * 100) / 100, ...this.#range);
        // Train on the new curve once the reader pauses, not at every key press.
        clearTimeout(this.#timer);
        this.#timer = window.setTimeout(() => this.#commit([...this.#ys]), 600);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    this.#render();
  }
}
