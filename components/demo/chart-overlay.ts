/**
 * The layer over a demo's fit chart, where the reader edits the model by hand (the figure
 * itself is one accessible image, so its insides cannot take focus). One set of listeners,
 * handed to the mode in use: kinks (drag a ReLU unit's kink) or drawing (draw a target).
 */
import type { UnitEdit } from '../../src/train/experiment';
import type { SeriesSetting } from '../../src/train/settings';
import { DrawMode } from './draw-mode';
import { KinkMode } from './kink-mode';

/** What a mode of the overlay does with the layer's pointer and key events. */
export interface OverlayMode {
  down(e: PointerEvent): void;
  move(e: PointerEvent): void;
  up(e: PointerEvent): void;
  key(e: KeyboardEvent): void;
  /** Empties the layer of this mode's handles or drawing. */
  clear(): void;
}

const HELP = {
  kinks:
    'Drag a kink (○) sideways to move it, up or down to change how much its unit adds. Keyboard: Tab to a kink, arrows move it, Page Up and Page Down pick another unit.',
  drawing:
    'Press and drag across the chart to draw, or use the keyboard: left and right pick a point, up and down move it (Shift: faster). Enter or Escape ends drawing.',
};

export interface OverlayHooks {
  /** The Plot figure the layer lies over (it is redrawn, so asked for each time). */
  figure(): Element | null;
  edit(edit: UnitEdit): void;
  /** A stroke ended: the drawn values. */
  drawn(ys: number[]): void;
  /** The target a drawing starts from (the run's data), once a run has started. */
  target(): { x: readonly number[]; y: readonly number[] } | null;
  /** Drawing turned on or off: the chart redraws (with the drawing range while on). */
  drawingChanged(on: boolean): Promise<void> | void;
}

export class ChartOverlay {
  readonly kinks: KinkMode;
  readonly #drawer: DrawMode;
  readonly #root: HTMLElement;
  readonly #hooks: OverlayHooks;
  #mode: OverlayMode;

  /** `series`: the setting a drawing fills (its range bounds the points), where the demo has one. */
  constructor(root: HTMLElement, layer: HTMLElement, hooks: OverlayHooks, series?: SeriesSetting) {
    this.#root = root;
    this.#hooks = hooks;
    this.kinks = new KinkMode(layer, hooks.figure, (edit) => hooks.edit(edit));
    this.#drawer = new DrawMode(layer, hooks.figure, [series?.min ?? 0, series?.max ?? 0], (ys) => hooks.drawn(ys));
    this.#mode = this.kinks;
    layer.addEventListener('pointerdown', (e) => this.#mode.down(e));
    layer.addEventListener('pointermove', (e) => this.#mode.move(e));
    layer.addEventListener('pointerup', (e) => this.#mode.up(e));
    layer.addEventListener('pointercancel', (e) => this.#mode.up(e));
    layer.addEventListener('keydown', (e) => {
      if (this.drawing && (e.key === 'Escape' || e.key === 'Enter')) {
        e.preventDefault();
        void this.setDrawing(false);
        this.#button?.focus();
      } else this.#mode.key(e);
    });
    this.#button?.addEventListener('click', () => void this.setDrawing(!this.drawing));
  }

  get drawing(): boolean {
    return this.#mode === this.#drawer;
  }

  get #button(): HTMLButtonElement | null {
    return this.#root.querySelector<HTMLButtonElement>('[data-action="draw"]');
  }

  /** The draw button works once a run has started (the chart's scales exist). */
  /** The draw button works once a run has started, on a chart of a curve (a map of the plane has no target to draw). */
  enableDrawing(curve = true): void {
    if (!this.#button) return;
    this.#button.disabled = false;
    this.#button.hidden = !curve;
  }

  /** Drawing on: the chart shows the whole drawable range, and the layer takes pointer and keys. */
  async setDrawing(on: boolean): Promise<void> {
    this.#mode.clear();
    this.#mode = on ? this.#drawer : this.kinks;
    this.#root.dataset.drawing = String(on);
    const button = this.#button;
    if (button) {
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? 'Done drawing' : 'Draw a target';
    }
    const help = this.#root.querySelector('[data-role="edit-help"]');
    if (help) help.textContent = on ? HELP.drawing : HELP.kinks;
    await this.#hooks.drawingChanged(on);
    const target = this.#hooks.target();
    if (on && target && this.drawing) this.#drawer.begin(target.x, target.y);
  }
}

export { HELP as OVERLAY_HELP };
