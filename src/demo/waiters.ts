import type { StepRow } from '../train/training-run';

/** Promises for log rows not yet trained to: claims and exercises wait on these. */
export class ClaimWaiters {
  #waiting: { step: number; resolve: (row: StepRow) => void; reject: (e: Error) => void }[] = [];

  wait(step: number): Promise<StepRow> {
    return new Promise((resolve, reject) => this.#waiting.push({ step, resolve, reject }));
  }

  /** The furthest step waited for, or null when nobody waits. */
  get furthest(): number | null {
    return this.#waiting.length ? Math.max(...this.#waiting.map((w) => w.step)) : null;
  }

  /** Resolves every waiter whose row `find` now has. */
  serve(find: (step: number) => StepRow | undefined): void {
    this.#waiting = this.#waiting.filter((w) => {
      const row = find(w.step);
      if (row) w.resolve(row);
      return !row;
    });
  }

  rejectAll(reason: string): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    waiting.forEach((w) => w.reject(new Error(reason)));
  }
}

/** Kink edits, one at a time: while one is applied the latest waits, and those between are dropped. */
export class EditQueue<E> {
  #inFlight = false;
  #pending: E | null = null;
  readonly #send: (edit: E) => void;

  constructor(send: (edit: E) => void) {
    this.#send = send;
  }

  push(edit: E): void {
    if (this.#inFlight) this.#pending = edit;
    else this.#go(edit);
  }

  /** The edit in flight was applied: true when it was the last (what it shows is current). */
  applied(): boolean {
    this.#inFlight = false;
    const next = this.#pending;
    this.#pending = null;
    if (next) this.#go(next);
    return next === null;
  }

  clear(): void {
    this.#inFlight = false;
    this.#pending = null;
  }

  #go(edit: E): void {
    this.#inFlight = true;
    this.#send(edit);
  }
}
