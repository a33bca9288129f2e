import { formatNumber } from '../../src/demo/format';
import type { StepRow } from '../../src/train/training-run';

/**
 * The notebook-style table under a demo: the newest rows of the log, appended as they
 * arrive. Its scroll box is a reversed flex column (fit-demo.css), so the browser keeps it
 * at the bottom unless the reader has scrolled up: drawing reads no layout, and so never
 * forces one in the middle of a frame. While a run streams, the caller asks for few rows
 * (a screenful): a fast run replaces them all at every draw, and building a hundred rows
 * that often would cost the page more than a frame.
 */
export class StepLogTable {
  /** The steps of the rows shown, top to bottom; empty after a reset (the next draw replaces every row). */
  #steps: number[] = [];
  #fresh = true;

  constructor(private readonly body: HTMLElement) {}

  /**
   * The log starts again at step 0: the next draw replaces every row at once (emptying the
   * table now would collapse it until then, and the page below would jump).
   */
  reset(): void {
    this.#fresh = true;
  }

  /** Shows the newest `max` of `latest` (the newest rows of the log, in step order): new rows appended, the oldest dropped. */
  draw(latest: readonly StepRow[], max: number): void {
    const want = latest.slice(-max);
    if (want.length === 0) return;
    const last = this.#steps.at(-1) ?? -1;
    // Rows older than those shown are wanted (after a reset, or more rows once a run stops): all anew.
    const anew = this.#fresh || want[0]!.step < (this.#steps[0] ?? 0);
    const added = anew ? want : want.filter((r) => r.step > last);
    if (added.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const r of added) {
      const tr = document.createElement('tr');
      for (const v of [String(r.step), formatNumber(r.loss), ...r.columns.map(formatNumber)]) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      fragment.append(tr);
    }
    if (anew || added.length >= max) {
      this.body.replaceChildren(fragment);
      this.#steps = added.map((r) => r.step);
    } else {
      this.body.append(fragment);
      this.#steps.push(...added.map((r) => r.step));
    }
    this.#fresh = false;
    while (this.#steps.length > max) {
      this.body.firstElementChild?.remove();
      this.#steps.shift();
    }
  }
}
