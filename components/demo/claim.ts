/**
 * <nn-claim>: watches its demo and, once the run reaches the claim's step with the
 * chapter's settings, writes the observed value and whether the claim holds
 * (data-state: pending, checking, holds, fails, other-settings, unavailable).
 */
import type { StepRow } from '../../src/train/training-run';
import type { Settings } from '../../src/train/settings';
import type { NnFitDemo } from './fit-demo';

class NnClaim extends HTMLElement {
  #demo: NnFitDemo | null = null;
  /** The row judged last: the same row again changes nothing (a demo reports 30 times a second). */
  #judged: StepRow | null = null;
  #onProgress = (e: Event) => this.#evaluate((e as CustomEvent<{ rows?: StepRow[] }>).detail?.rows);

  connectedCallback(): void {
    this.#demo = document.getElementById(this.dataset.demo ?? '') as NnFitDemo | null;
    if (!this.#demo) {
      this.dataset.state = 'unavailable';
      this.#live(`(no demo "${this.dataset.demo}" on this page)`);
      return;
    }
    this.#demo.addEventListener('nn-progress', this.#onProgress);
    const button = this.querySelector('button');
    // Shown only once it can work (never to readers without JavaScript).
    button?.removeAttribute('data-waiting');
    button?.addEventListener('click', () => void this.check());
  }

  disconnectedCallback(): void {
    this.#demo?.removeEventListener('nn-progress', this.#onProgress);
  }

  get step(): number {
    return Number(this.dataset.step);
  }

  get #settings(): Settings | null {
    return this.dataset.settings ? (JSON.parse(this.dataset.settings) as Settings) : null;
  }

  /**
   * Trains the demo up to this claim's step (if it isn't there yet), or moves it to the
   * claim's settings, and evaluates.
   */
  async check(): Promise<void> {
    const demo = this.#demo;
    if (!demo) return;
    const settings = this.#settings;
    if (settings) {
      this.dataset.state = 'checking';
      try {
        this.#judge(await demo.runWith(settings, this.dataset.step ? this.step : undefined));
      } catch (err) {
        this.dataset.state = 'pending';
        this.#live(`(could not check: ${err instanceof Error ? err.message : String(err)})`);
      }
      return;
    }
    if (!demo.usesDefaults) {
      this.dataset.state = 'other-settings';
      this.#live('(the demo now runs with other settings than the text; reset them to check)');
      return;
    }
    this.dataset.state = 'checking';
    this.#live('(running the demo…)');
    try {
      await demo.runTo(this.step);
      this.#evaluate();
    } catch (err) {
      this.dataset.state = 'pending';
      this.#live(`(could not check: ${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** On the demo's progress (`rows`: the steps just run): a step claim judges itself once its step is in the log. */
  #evaluate(rows?: readonly StepRow[]): void {
    const demo = this.#demo;
    const row = rows?.find((r) => r.step === this.step) ?? demo?.rowAt(this.step);
    if (!demo || !row || this.#settings) return;
    if (!demo.usesDefaults) {
      this.#judged = null;
      if (this.dataset.state === 'other-settings') return;
      this.dataset.state = 'other-settings';
      this.#live('(the demo now runs with other settings than the text; reset them to check)');
      return;
    }
    this.#judge(row);
  }

  #judge(row: StepRow): void {
    if (row === this.#judged && this.dataset.state !== 'checking') return;
    this.#judged = row;
    const metric = this.dataset.metric ?? 'loss';
    const column = this.#demo?.columnNames.indexOf(metric) ?? -1;
    if (metric !== 'loss' && column < 0) {
      this.dataset.state = 'unavailable';
      this.#live(`(the demo logs no "${metric}")`);
      return;
    }
    const value = metric === 'loss' ? row.loss : row.columns[column]!;
    const holds = this.#holds(value);
    this.dataset.observed = String(value);
    this.dataset.state = holds ? 'holds' : 'fails';
    const digits = Number(this.dataset.digits ?? 3);
    this.#live(`(this run: ${value.toFixed(digits)} ${holds ? '✓' : `✗ not ${this.dataset.condition ?? 'as stated'}`})`);
  }

  #holds(v: number): boolean {
    const { below, above, between } = this.dataset;
    if (below !== undefined) return v < Number(below);
    if (above !== undefined) return v > Number(above);
    const [lo, hi] = (between ?? '').split(',').map(Number);
    return v >= lo! && v <= hi!;
  }

  #live(text: string): void {
    const live = this.querySelector('.if-claim__live');
    if (live) live.textContent = text;
  }
}

if (!customElements.get('nn-claim')) customElements.define('nn-claim', NnClaim);
