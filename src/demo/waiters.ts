import type { StepRow } from '../train/session';

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
