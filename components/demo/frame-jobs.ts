/**
 * A demo's drawing, spread over animation frames: as many jobs (charts moved or drawn) in a
 * frame as fit its budget, so no frame holds the page up for long while a demo trains, and
 * cheap moves share one frame rather than each paying the page's layout and paint (see DemoCharts).
 */

/** A frame's drawing stops once its jobs have taken this long (the page's own rendering of the frame comes after). */
export const FRAME_BUDGET_MS = 4;

export class FrameJobs {
  /** Jobs waiting for their frame, by name; each reads the record when its turn comes. A job that `ends` its frame is the frame's last. */
  readonly #jobs = new Map<string, { run: () => void; ends: boolean }>();
  #frame = 0;
  /** Figures drawn anew, waiting for their own frame to go in their box (see place). */
  readonly #pending = new Map<HTMLElement, Element>();

  /** Runs `job` at a coming frame, after the jobs already waiting (a newer job of the same name replaces the waiting one). */
  later(name: string, job: () => void, ends = false): void {
    this.#jobs.set(name, { run: job, ends });
    this.#frame ||= requestAnimationFrame(() => this.#next());
  }

  /** The figure `box` shows, or the one it will show from its next frame on. */
  current(box: HTMLElement): HTMLElement | null {
    return (this.#pending.get(box) ?? box.firstElementChild) as HTMLElement | null;
  }

  /**
   * Puts a figure drawn anew in its box (`put`: in place of what it shows, unless the figure
   * knows better): at once, or (`soon`, while training) as the last job of a frame after the
   * one that drew it. Drawing a figure and laying it out in the page each take a task's worth
   * of time on a slow machine; in one frame they made a run's longest task.
   */
  place<F extends Element>(
    box: HTMLElement,
    figure: F,
    soon: boolean,
    put: (box: HTMLElement, figure: F) => void = (b, f) => b.replaceChildren(f),
  ): void {
    if (!soon) {
      this.#pending.delete(box);
      put(box, figure);
      return;
    }
    this.#pending.set(box, figure);
    this.later(
      `place ${box.dataset.role}`,
      () => {
        if (this.#pending.get(box) !== figure) return;
        this.#pending.delete(box);
        put(box, figure);
      },
      true,
    );
  }

  /**
   * Runs the waiting jobs in order until this frame's budget is spent, or a figure drawn anew
   * has gone in (laying it out is the rest of the frame's work); the others wait for the next.
   */
  #next(): void {
    this.#frame = 0;
    const start = performance.now();
    for (const [name, job] of this.#jobs) {
      this.#jobs.delete(name);
      job.run();
      if (job.ends || performance.now() - start >= FRAME_BUDGET_MS) break;
    }
    if (this.#jobs.size > 0) this.#frame = requestAnimationFrame(() => this.#next());
  }
}
