import type { StepRow } from './training-run';

export interface HistoryLimits {
  /** The first rows, every one kept (claims and readers look at early steps). */
  head: number;
  /** The latest rows, every one kept (the step log shows the newest). */
  tail: number;
  /** Rows between the two, thinned to every k-th step, k doubling to stay under this many. */
  thinned: number;
}

/**
 * A run's step log in bounded memory, however long the run: the first `head` rows, every
 * k-th row after them (k doubles whenever more than `thinned` would be kept), and the
 * latest `tail` rows. `rows()` gives them in step order, which is what a loss chart of the
 * whole run needs. Rows must arrive in increasing step order; `clear()` starts a new run.
 */
export class StepHistory {
  readonly #limits: HistoryLimits;
  #head: StepRow[] = [];
  #thin: StepRow[] = [];
  #stride = 1;
  #tail: StepRow[] = [];
  #rows: StepRow[] | null = null;

  constructor(limits: HistoryLimits = { head: 5001, tail: 1000, thinned: 1000 }) {
    this.#limits = limits;
  }

  clear(): void {
    this.#head = [];
    this.#thin = [];
    this.#tail = [];
    this.#stride = 1;
    this.#rows = null;
  }

  push(rows: readonly StepRow[]): void {
    if (rows.length === 0) return;
    this.#rows = null;
    for (const row of rows) {
      if (this.#tail.length === 0 && this.#head.length < this.#limits.head) this.#head.push(row);
      else this.#tail.push(row);
    }
    const over = this.#tail.length - this.#limits.tail;
    if (over <= 0) return;
    for (const row of this.#tail.splice(0, over)) if (row.step % this.#stride === 0) this.#thin.push(row);
    while (this.#thin.length > this.#limits.thinned) {
      this.#stride *= 2;
      this.#thin = this.#thin.filter((r) => r.step % this.#stride === 0);
    }
  }

  /** The row of `step`, if it is kept. */
  at(step: number): StepRow | undefined {
    const head = this.#head[step];
    if (head?.step === step) return head;
    const tail0 = this.#tail[0];
    if (tail0 && step >= tail0.step) {
      const row = this.#tail[step - tail0.step];
      return row?.step === step ? row : undefined;
    }
    return this.#thin.find((r) => r.step === step);
  }

  get last(): StepRow | undefined {
    return this.#tail.at(-1) ?? this.#head.at(-1);
  }

  get first(): StepRow | undefined {
    return this.#head[0];
  }

  /** The latest `n` rows, in step order. */
  latest(n: number): StepRow[] {
    const fromTail = this.#tail.slice(-n);
    return fromTail.length >= n ? fromTail : [...this.#head.slice(-(n - fromTail.length)), ...fromTail];
  }

  /** Every kept row, in step order (the same array until the next push or clear). */
  rows(): readonly StepRow[] {
    this.#rows ??= [...this.#head, ...this.#thin, ...this.#tail];
    return this.#rows;
  }
}
