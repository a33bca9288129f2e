import type { StepRow } from '../../src/train/session';

/** Numbers as the log prints them: four decimals; very large or very small ones (a tiny loss, a gradient difference) in exponent form. */
export const formatNumber = (v: number): string =>
  v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toFixed(4);

/**
 * The notebook-style table under a demo: the newest `maxRows` rows of the log, appended as
 * they arrive and kept scrolled to the bottom unless the reader has scrolled up.
 */
export class StepLogTable {
  /** How many rows of the log the table has taken in so far; −1 after a reset, until the next draw. */
  #drawn = 0;

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
    this.#drawn = -1;
  }

  /** Brings the table up to date with `log`: new rows appended, the oldest dropped. */
  draw(log: readonly StepRow[]): void {
    const atBottom = this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - 4;
    const replace = this.#drawn < 0 || log.length - this.#drawn > this.maxRows;
    if (replace) this.#drawn = Math.max(0, log.length - this.maxRows);
    const fragment = document.createDocumentFragment();
    for (const r of log.slice(this.#drawn)) {
      const tr = document.createElement('tr');
      for (const v of [String(r.step), formatNumber(r.loss), ...r.params.map(formatNumber)]) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      fragment.append(tr);
    }
    this.#drawn = log.length;
    if (replace) this.body.replaceChildren(fragment);
    else this.body.append(fragment);
    while (this.body.children.length > this.maxRows) this.body.firstElementChild?.remove();
    if (atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
