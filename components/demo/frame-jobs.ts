/**
 * A demo's drawing, one job per animation frame: each chart in a frame of its own, so no
 * frame holds the page up for long while a demo trains (see DemoCharts).
 */
export class FrameJobs {
  /** Jobs waiting for their frame, by name; each reads the record when its turn comes. */
  readonly #jobs = new Map<string, () => void>();
  #frame = 0;
  /** Figures drawn anew, waiting for their own frame to go in their box (see place). */
  readonly #pending = new Map<HTMLElement, Element>();

  /** Runs `job` in a frame of its own, after the jobs already waiting (a newer job of the same name replaces the waiting one). */
  later(name: string, job: () => void): void {
    this.#jobs.set(name, job);
    this.#frame ||= requestAnimationFrame(() => this.#next());
  }

  /** The figure `box` shows, or the one it will show from its next frame on. */
  current(box: HTMLElement): HTMLElement | null {
    return (this.#pending.get(box) ?? box.firstElementChild) as HTMLElement | null;
  }

  /**
   * Puts a figure drawn anew in its box: at once, or (`soon`, while training) in a frame of
   * its own after the one that drew it. Drawing a Plot figure and laying it out in the page
   * each take a task's worth of time on a slow machine; in one frame they made a run's longest task.
   */
  place(box: HTMLElement, figure: Element, soon: boolean): void {
    if (!soon) {
      this.#pending.delete(box);
      box.replaceChildren(figure);
      return;
    }
    this.#pending.set(box, figure);
    this.later(`place ${box.dataset.role}`, () => {
      if (this.#pending.get(box) !== figure) return;
      this.#pending.delete(box);
      box.replaceChildren(figure);
    });
  }

  #next(): void {
    this.#frame = 0;
    const first = this.#jobs.entries().next();
    if (first.done) return;
    const [name, job] = first.value;
    this.#jobs.delete(name);
    job();
    if (this.#jobs.size > 0) this.#frame = requestAnimationFrame(() => this.#next());
  }
}
