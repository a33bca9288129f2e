import type { UnitEdit } from '../../src/train/experiment';
import { formatNumber as fmt } from '../../src/demo/format';
import { unitColour } from '../../src/plot/unit-colours';
import { clamp, frame, interpolate, place, pointerToData } from './chart-frame';
import type { OverlayMode } from './chart-overlay';

const KINK_STEP = 0.05;
const RISE_STEP = 0.1;
/** Handles whose centres lie this close to the nearest one's count as stacked with it. */
const STACKED_PX = 3;

/**
 * The overlay's kink mode: one handle per ReLU unit at its kink, on the model's curve. Drag
 * it sideways to move the kink, up or down to change how much the unit adds; with the
 * keyboard, arrows do the same and Page Up/Page Down pick another unit.
 */
export class KinkMode implements OverlayMode {
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
  }

  /** Puts a handle on each unit's kink, on the model's curve (grid, prediction). */
  update(units: number[][], grid: readonly number[], prediction: readonly number[]): void {
    const f = frame(this.#figure());
    if (!f) return;
    this.#units = units.map((row) => [...row]);
    this.#domain = [grid[0]!, grid.at(-1)!];
    this.#selected = Math.min(this.#selected, units.length - 1);
    let handles = [...this.#layer.querySelectorAll<HTMLElement>('.if-demo__kink')];
    if (handles.length !== units.length) {
      handles = units.map((_, u) => {
        const h = document.createElement('div');
        h.className = 'if-demo__kink';
        h.setAttribute('role', 'slider');
        h.setAttribute('aria-label', `Unit ${u + 1} of ${units.length}: kink`);
        h.setAttribute('aria-valuemin', String(this.#domain[0]));
        h.setAttribute('aria-valuemax', String(this.#domain[1]));
        h.dataset.unit = String(u);
        h.style.setProperty('--if-kink', unitColour(u));
        return h;
      });
      this.#layer.replaceChildren(...handles);
    }
    units.forEach(([m, , w], u) => {
      const h = handles[u]!;
      const kink = this.#kink(u);
      const shown = clamp(kink, ...this.#domain);
      // A kink off the chart, or a curve above or below it there: the handle waits at the edge, dotted.
      const y = interpolate(grid, prediction, shown);
      const shownY = clamp(y, ...f.yRange);
      place(h, f, shown, shownY);
      h.dataset.outside = String(shown !== kink || shownY !== y);
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
    this.#drag = null;
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
    const handles = this.#layer.querySelectorAll<HTMLElement>('.if-demo__kink');
    handles.forEach((h, i) => (h.tabIndex = i === this.#selected ? 0 : -1));
    handles[this.#selected]?.focus();
  }

  key(e: KeyboardEvent): void {
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

  /**
   * The handle whose centre is nearest the pointer (targets overlap where kinks are close).
   * Handles stacked on one spot take turns: each press there grabs the one after the unit
   * last selected, so every unit of a stack can be reached and dragged out of it.
   */
  #nearest(e: PointerEvent): HTMLElement | null {
    if (!(e.target as HTMLElement).closest('.if-demo__kink')) return null;
    const handles = [...this.#layer.querySelectorAll<HTMLElement>('.if-demo__kink')];
    const distance = handles.map((h) => {
      const r = h.getBoundingClientRect();
      return Math.hypot(e.clientX - (r.left + r.width / 2), e.clientY - (r.top + r.height / 2));
    });
    const best = Math.min(...distance);
    const stack = handles.filter((_, i) => distance[i]! <= best + STACKED_PX);
    if (stack.length < 2) return stack[0] ?? null;
    return stack.find((h) => Number(h.dataset.unit) > this.#selected) ?? stack[0]!;
  }

  down(e: PointerEvent): void {
    const h = this.#nearest(e);
    const p = pointerToData(this.#figure(), e);
    if (!h || !p) return;
    e.preventDefault();
    const u = Number(h.dataset.unit);
    this.#select(u);
    h.setPointerCapture(e.pointerId);
    this.#drag = { unit: u, pointer: e.pointerId, y0: p.y, rise0: this.#rise(u) };
  }

  move(e: PointerEvent): void {
    const d = this.#drag;
    if (!d || e.pointerId !== d.pointer) return;
    const p = pointerToData(this.#figure(), e);
    if (p) this.#send(d.unit, p.x, d.rise0 + (p.y - d.y0));
  }

  up(e: PointerEvent): void {
    if (this.#drag?.pointer === e.pointerId) this.#drag = null;
  }
}
