import { formatNumber as fmt } from '../../src/demo/format';
import { clamp, frame, pointerToData } from './chart-frame';
import type { OverlayMode } from './chart-overlay';

const DRAW_STEP = 0.1;

/**
 * The overlay's drawing mode: the reader draws a target with a pointer or finger, or point
 * by point with the keyboard. `commit` gets the drawn values when a stroke ends (or a
 * pause in typing).
 */
export class DrawMode implements OverlayMode {
  #layer: HTMLElement;
  #figure: () => Element | null;
  #commit: (ys: number[]) => void;
  #xs: readonly number[] = [];
  #ys: number[] = [];
  #range: [number, number];
  #cursor = 0;
  #stroke: { pointer: number; last: number } | null = null;
  #timer = 0;

  constructor(layer: HTMLElement, figure: () => Element | null, range: [number, number], commit: (ys: number[]) => void) {
    this.#layer = layer;
    this.#figure = figure;
    this.#range = range;
    this.#commit = commit;
  }

  /** Starts drawing over xs from ys (the current target); the layer takes focus. */
  begin(xs: readonly number[], ys: readonly number[]): void {
    this.#xs = xs;
    this.#ys = ys.map((y) => clamp(y, ...this.#range));
    this.#cursor = Math.floor(xs.length / 2);
    this.#layer.tabIndex = 0;
    this.#layer.setAttribute('role', 'slider');
    this.#layer.setAttribute('aria-label', 'Your curve: left and right pick a point, up and down move it');
    this.#layer.setAttribute('aria-valuemin', String(this.#range[0]));
    this.#layer.setAttribute('aria-valuemax', String(this.#range[1]));
    this.#render();
    this.#layer.focus();
  }

  clear(): void {
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
    svg.classList.add('if-demo__drawing');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', this.#xs.map((x, i) => `${i ? 'L' : 'M'}${f.sx.apply(x)},${f.sy.apply(this.#ys[i]!)}`).join(''));
    svg.append(path);
    this.#xs.forEach((x, i) => {
      const dot = document.createElementNS(NS, 'circle');
      dot.setAttribute('cx', String(f.sx.apply(x)));
      dot.setAttribute('cy', String(f.sy.apply(this.#ys[i]!)));
      dot.setAttribute('r', i === this.#cursor ? '6' : '3');
      if (i === this.#cursor) dot.classList.add('if-demo__cursor');
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

  down(e: PointerEvent): void {
    const p = pointerToData(this.#figure(), e);
    if (!p) return;
    e.preventDefault();
    this.#layer.focus();
    this.#layer.setPointerCapture(e.pointerId);
    this.#stroke = { pointer: e.pointerId, last: this.#index(p.x) };
    this.#paint(p.x, p.y);
  }

  move(e: PointerEvent): void {
    if (this.#stroke?.pointer !== e.pointerId) return;
    const p = pointerToData(this.#figure(), e);
    if (p) this.#paint(p.x, p.y);
  }

  up(e: PointerEvent): void {
    if (this.#stroke?.pointer !== e.pointerId) return;
    this.#stroke = null;
    this.#commit([...this.#ys]);
  }

  key(e: KeyboardEvent): void {
    if (e.target !== this.#layer) return;
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
