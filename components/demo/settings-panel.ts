/**
 * A demo's controls, both ways: the reader's changes go to the controller (which checks
 * them), and the controller's settings come back to the controls (a claim, a reset, a link).
 */
import type { DemoController } from '../../src/demo/controller';
import type { BackendName } from '../../src/nn/tf';
import { formatSetting, sliderPosition, sliderValue, type NumberSetting } from '../../src/train/settings';
import type { LayerBuilder } from './layer-builder';

type ValueInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class SettingsPanel {
  readonly #root: HTMLElement;
  readonly #c: DemoController;
  readonly #builders = new Map<string, LayerBuilder>();
  /** Where layer rows go (the playground's "Hidden layers"): filled once the demo nears the viewport. */
  readonly #rows = new Map<string, HTMLElement>();

  constructor(root: HTMLElement, controller: DemoController) {
    this.#root = root;
    this.#c = controller;
    for (const [key, s] of this.#fields()) {
      const { value, slider } = this.#inputs(key);
      const rows = this.#root.querySelector<HTMLElement>(`[data-setting="${key}"] [data-role="layer-builder"]`);
      if (rows) this.#rows.set(key, rows);
      slider?.addEventListener('input', () => {
        value.value = String(sliderValue(s as NumberSetting, Number(slider.value)));
        this.#change(key, value.value, value);
      });
      value.addEventListener('change', () => {
        const checkbox = value instanceof HTMLInputElement && value.type === 'checkbox';
        this.#change(key, checkbox ? formatSetting(value.checked) : value.value, value);
      });
    }
    this.#backend.addEventListener('change', () => controller.setBackend(this.#backend.value as BackendName));
  }

  /** Loads what only some demos' controls need (the layer rows): when the demo nears the viewport, not with the page. */
  async enhance(): Promise<void> {
    if (this.#rows.size === 0 || this.#builders.size > 0) return;
    const { LayerBuilder } = await import('./layer-builder');
    for (const [key, rows] of this.#rows) {
      const { value } = this.#inputs(key);
      const builder = new LayerBuilder(rows, (text) => ((value.value = text), this.#change(key, text, value)));
      this.#builders.set(key, builder);
      builder.show(value.value);
    }
  }

  /** Moves every control to the controller's settings. */
  sync(): void {
    const settings = this.#c.settings.values;
    for (const [key, s] of this.#fields()) {
      const { value, slider } = this.#inputs(key);
      const v = settings[key]!;
      if (value instanceof HTMLInputElement && value.type === 'checkbox') value.checked = v === true;
      else value.value = String(v);
      if (slider && s.kind === 'number') slider.value = String(sliderPosition(s, v as number));
      this.#builders.get(key)?.show(String(v));
    }
    this.#backend.value = this.#c.settings.backend;
  }

  /** The backend select shows the one actually running (it may have fallen back). */
  showBackend(backend: BackendName): void {
    this.#backend.value = backend;
  }

  #change(key: string, raw: string, input: ValueInput): void {
    const refused = this.#c.change(key, raw);
    if (refused) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  /** The settings with a control (a drawn series has none: it is drawn on the chart). */
  #fields() {
    return Object.entries(this.#c.settings.spec).filter(([, s]) => s.kind !== 'series');
  }

  #inputs(key: string): { value: ValueInput; slider: HTMLInputElement | null } {
    const field = this.#root.querySelector(`[data-setting="${key}"]`)!;
    return { value: field.querySelector<ValueInput>('[data-role="value"]')!, slider: field.querySelector<HTMLInputElement>('[data-role="slider"]') };
  }

  get #backend(): HTMLSelectElement {
    return this.#root.querySelector<HTMLSelectElement>('[data-role="backend"]')!;
  }
}
