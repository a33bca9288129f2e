/**
 * The hidden layers as rows of controls: each layer's width and activation, a button to
 * remove it, and one to add a layer. It writes the same text the "Hidden layers" field holds
 * (8:tanh,4:relu), so the URL, the field and the rows always agree.
 */
import { ACTIVATION_INFO, ACTIVATION_NAMES } from '../../src/train/activation-names';
import { formatLayers, layersOf, MAX_LAYERS, MAX_WIDTH, parseLayers, type HiddenLayer } from '../../src/train/text-formats';

export class LayerBuilder {
  readonly #root: HTMLElement;
  readonly #commit: (text: string) => void;
  #layers: HiddenLayer[] = [];

  constructor(root: HTMLElement, commit: (text: string) => void) {
    this.#root = root;
    this.#commit = commit;
    root.addEventListener('change', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-layer]');
      if (!row) return;
      const i = Number(row.dataset.layer);
      const units = Number(row.querySelector<HTMLInputElement>('input')!.value);
      const activation = row.querySelector<HTMLSelectElement>('select')!.value as HiddenLayer['activation'];
      this.#set(this.#layers.map((l, j) => (j === i ? { units: Math.round(Math.min(MAX_WIDTH, Math.max(1, units || 1))), activation } : l)));
    });
    root.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-layer-action]');
      if (!button) return;
      if (button.dataset.layerAction === 'add') {
        const last = this.#layers.at(-1);
        this.#set([...this.#layers, { units: last?.units ?? 4, activation: last?.activation ?? 'relu' }], this.#layers.length);
      } else {
        const i = Number(button.closest<HTMLElement>('[data-layer]')!.dataset.layer);
        this.#set(
          this.#layers.filter((_, j) => j !== i),
          Math.min(i, this.#layers.length - 2),
        );
      }
    });
  }

  /** Shows the layers `text` holds (the field's canonical text). */
  show(text: string): void {
    const parsed = parseLayers(text);
    if ('error' in parsed || parsed.value === formatLayers(this.#layers)) return;
    this.#layers = layersOf(parsed.value);
    this.#render();
  }

  #set(layers: HiddenLayer[], focus?: number): void {
    this.#layers = layers;
    this.#render();
    this.#commit(formatLayers(layers));
    // After adding or removing, the keyboard stays in the list: on the new row, or the one that took the removed one's place.
    if (focus !== undefined)
      (
        this.#root.querySelector<HTMLElement>(`[data-layer="${focus}"] input`) ?? this.#root.querySelector<HTMLElement>('[data-layer-action="add"]')
      )?.focus();
  }

  #render(): void {
    const doc = this.#root.ownerDocument;
    // The control in focus (its row and kind) has it again after the rows are rebuilt.
    const active = doc.activeElement && this.#root.contains(doc.activeElement) ? doc.activeElement : null;
    const place = active && { row: active.closest<HTMLElement>('[data-layer]')?.dataset.layer, tag: active.tagName.toLowerCase() };
    const rows = this.#layers.map((l, i) => {
      const row = doc.createElement('div');
      row.className = 'if-layers__row';
      row.dataset.layer = String(i);
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', `Hidden layer ${i + 1}`);
      const units = Object.assign(doc.createElement('input'), {
        type: 'number',
        min: '1',
        max: String(MAX_WIDTH),
        step: '1',
        value: String(l.units),
      });
      units.setAttribute('aria-label', `Layer ${i + 1}: units`);
      const activation = doc.createElement('select');
      activation.setAttribute('aria-label', `Layer ${i + 1}: activation`);
      for (const name of ACTIVATION_NAMES) activation.append(new Option(ACTIVATION_INFO[name].label, name, false, name === l.activation));
      const remove = Object.assign(doc.createElement('button'), { type: 'button', className: 'if-button', textContent: 'Remove' });
      remove.dataset.layerAction = 'remove';
      remove.setAttribute('aria-label', `Remove layer ${i + 1}`);
      const label = Object.assign(doc.createElement('span'), { textContent: `${i + 1}`, className: 'if-layers__index' });
      row.append(label, units, activation, remove);
      return row;
    });
    const add = Object.assign(doc.createElement('button'), { type: 'button', className: 'if-button', textContent: 'Add a layer' });
    add.dataset.layerAction = 'add';
    add.disabled = this.#layers.length >= MAX_LAYERS;
    const none =
      this.#layers.length === 0
        ? [Object.assign(doc.createElement('p'), { className: 'if-demo__help', textContent: 'No hidden layer: the model is one Linear layer.' })]
        : [];
    this.#root.replaceChildren(...rows, ...none, add);
    if (place?.row !== undefined) this.#root.querySelector<HTMLElement>(`[data-layer="${place.row}"] ${place.tag}`)?.focus();
  }
}
