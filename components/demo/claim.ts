/**
 * <nn-claim>: watches its demo and, once the run reaches the claim's step with the
 * chapter's settings, writes the observed value and whether the claim holds
 * (data-state: pending, checking, holds, fails, other-settings, unavailable).
 * Two comparisons: `data-lowest`, the metric is the lowest of the row's runs (a race's
 * leader); `data-than`, the bounds apply to the ratio of this run's value to another run's
 * (other settings, another step or metric, or another demo on the page), run first.
 */
import type { StepRow } from '../../src/train/training-run';
import type { Settings } from '../../src/train/settings';
import type { NnFitDemo } from './fit-demo';

class NnClaim extends HTMLElement {
  #demo: NnFitDemo | null = null;
  /** The row judged last: the same row again changes nothing (a demo reports 30 times a second). */
  #judged: StepRow | null = null;
  #onProgress = (e: Event) => {
    const rows = (e as CustomEvent<{ rows?: StepRow[] }>).detail?.rows;
    // A long check shows it is alive: the step the run has reached, out of the claim's.
    const last = rows?.at(-1);
    if (this.dataset.state === 'checking' && last && this.dataset.step) this.#live(`(running: step ${last.step} of ${this.step}…)`);
    this.#evaluate(rows);
  };

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

  get #than(): Than | null {
    return this.dataset.than ? (JSON.parse(this.dataset.than) as Than) : null;
  }

  /** A ratio claim: the other run first, then this one (each from the seeded start of its settings). */
  async #checkAgainst(than: Than, demo: NnFitDemo): Promise<void> {
    const other = than.demo ? (document.getElementById(than.demo) as NnFitDemo | null) : demo;
    if (!other) throw new Error(`no demo "${than.demo}" on this page`);
    const otherMetric = than.metric ?? this.dataset.metric ?? 'loss';
    const base = valueOf(await other.runWith(than.settings ?? {}, than.step ?? this.step), otherMetric, other.columnNames);
    const mine = await demo.runWith(this.#settings ?? {}, this.dataset.step ? this.step : undefined);
    this.#judge(mine, base);
  }

  /**
   * Trains the demo up to this claim's step (if it isn't there yet), or moves it to the
   * claim's settings, and evaluates.
   */
  async check(): Promise<void> {
    const demo = this.#demo;
    if (!demo) return;
    const settings = this.#settings;
    const than = this.#than;
    if (settings || than) {
      this.dataset.state = 'checking';
      this.#live(than ? '(running both…)' : '(running the demo…)');
      try {
        if (than) await this.#checkAgainst(than, demo);
        else this.#judge(await demo.runWith(settings!, this.dataset.step ? this.step : undefined));
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
    if (!demo || !row || this.#settings || this.#than) return;
    if (!demo.usesDefaults) {
      this.#judged = null;
      if (this.dataset.state === 'other-settings') return;
      this.dataset.state = 'other-settings';
      this.#live('(the demo now runs with other settings than the text; reset them to check)');
      return;
    }
    this.#judge(row);
  }

  /** Judges the row (against `base`, the other run's value, for a ratio claim). */
  #judge(row: StepRow, base?: number): void {
    if (row === this.#judged && this.dataset.state !== 'checking') return;
    this.#judged = row;
    const metric = this.dataset.metric ?? 'loss';
    let value: number;
    try {
      value = valueOf(row, metric, this.#demo?.columnNames ?? []);
    } catch (err) {
      this.dataset.state = 'unavailable';
      this.#live(`(${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    // A bound that must hold throughout: the worst value of the run so far is the one judged.
    if (this.dataset.throughout === 'true') value = this.#worstUpTo(row.step, metric, value);
    const digits = Number(this.dataset.digits ?? 3);
    const lowest = this.dataset.lowest === 'true' ? Math.min(...row.columns.filter(Number.isFinite)) : undefined;
    const ratio = base === undefined ? undefined : value / base;
    const holds = lowest !== undefined ? value <= lowest : this.#holds(ratio ?? value);
    this.dataset.observed = String(ratio ?? value);
    this.dataset.state = holds ? 'holds' : 'fails';
    const seen =
      ratio !== undefined
        ? `${value.toFixed(digits)}, ${ratio.toPrecision(3)} times the other run's ${base!.toFixed(digits)}`
        : lowest !== undefined && !holds
          ? `${value.toFixed(digits)}, but ${this.#demo?.columnNames[row.columns.indexOf(lowest)] ?? 'another run'} is at ${lowest.toFixed(digits)}`
          : value.toFixed(digits);
    this.#live(`(this run: ${seen} ${holds ? '✓' : `✗ not ${this.dataset.condition ?? 'as stated'}`})`);
  }

  #worstUpTo(step: number, metric: string, at: number): number {
    const values = (this.#demo?.log ?? []).filter((r) => r.step >= 1 && r.step <= step).map((r) => valueOf(r, metric, this.#demo!.columnNames));
    return this.dataset.above !== undefined ? Math.min(at, ...values) : Math.max(at, ...values);
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

/** What a ratio claim compares with: another run of this demo (or of `demo`), at `settings`, `step`, `metric`. */
interface Than {
  demo?: string;
  settings?: Settings;
  step?: number;
  metric?: string;
}

/** A row's value of `metric` ("loss" or a log column). */
function valueOf(row: StepRow, metric: string, columnNames: readonly string[]): number {
  if (metric === 'loss') return row.loss;
  const column = columnNames.indexOf(metric);
  if (column < 0) throw new Error(`the demo logs no "${metric}"`);
  return row.columns[column]!;
}

if (!customElements.get('nn-claim')) customElements.define('nn-claim', NnClaim);
