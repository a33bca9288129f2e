import { formatNumber } from '../../src/demo/format';
import type { StepRow } from '../../src/train/training-run';

/**
 * The notebook-style table under a demo: the newest `maxRows` rows of the log, appended as
 * they arrive and kept scrolled to the bottom unless the reader has scrolled up.
 */
export class StepLogTable {
  /** The last step the table shows; −1 after a reset (the next draw replaces every row). */
  #lastStep = -1;

  constructor(
    private readonly body: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly maxRows: number,
  ) {}

  /**
   * The log starts again at step 0: the next draw replaces every row at once (emptying the
   * table now would collapse it until then, and the page below would jump).
   */
  reset(): void {
    this.#lastStep = -1;
  }

  /** Brings the table up to date with `latest` (the newest rows of the log, in step order): new rows appended, the oldest dropped. */
  draw(latest: readonly StepRow[]): void {
    const atBottom = this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - 4;
    const fresh = this.#lastStep < 0;
    const added = latest.filter((r) => r.step > this.#lastStep).slice(-this.maxRows);
    if (added.length === 0 && !fresh) return;
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
    this.#lastStep = latest.at(-1)?.step ?? this.#lastStep;
    if (fresh || added.length >= this.maxRows) this.body.replaceChildren(fragment);
    else this.body.append(fragment);
    while (this.body.children.length > this.maxRows) this.body.firstElementChild?.remove();
    if (atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
