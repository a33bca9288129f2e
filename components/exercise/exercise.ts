/**
 * <nn-exercise>: judges the reader's live demo against the exercise's condition as it runs
 * (rows, kink drags, divergence, a typed answer) and says so the moment it holds, with the
 * value observed; keeps the solved state in localStorage. data-state: open or solved.
 */
import {
  judgeAnswer,
  judgeDivergence,
  judgeRow,
  matches,
  observe,
  type Condition,
  type Observation,
  type Verdict,
} from '../../src/exercises/condition';
import { browserStorage, markSolved, PROGRESS_EVENT, PROGRESS_KEY, readProgress } from '../../src/exercises/progress';
import type { Settings } from '../../src/train/settings';
import type { StepRow } from '../../src/train/training-run';
import type { NnFitDemo } from '../demo/fit-demo';

type Solution = { settings: Settings; answer?: string; steps?: number };

const MIXED = 'This run used other settings before these (one changed mid-run): press Reset to run it from the start with these.';

class NnExercise extends HTMLElement {
  #demo: NnFitDemo | null = null;
  #condition!: Condition;
  #goal = '';
  readonly #storage = browserStorage();
  readonly #listeners: [EventTarget, string, EventListener][] = [];

  connectedCallback(): void {
    this.#condition = JSON.parse(this.dataset.condition ?? '{}') as Condition;
    this.#goal = this.#status.textContent ?? '';
    this.#wireHints();
    this.#fromStorage();
    this.#listen(window, PROGRESS_EVENT, () => this.#fromStorage());
    this.#listen(window, 'storage', (e) =>
      (e as StorageEvent).key === PROGRESS_KEY || (e as StorageEvent).key === null ? this.#fromStorage() : undefined,
    );
    this.#demo = document.getElementById(this.dataset.demo ?? '') as NnFitDemo | null;
    if (!this.#demo) {
      this.#say(`(no demo "${this.dataset.demo}" on this page)`);
      return;
    }
    this.#listen(this.#demo, 'nn-progress', (e) => this.#onRows((e as CustomEvent<{ rows?: StepRow[] }>).detail?.rows ?? []));
    this.#listen(this.#demo, 'nn-edited', (e) => this.#onEdited((e as CustomEvent<{ loss: number }>).detail.loss));
    this.#listen(this.#demo, 'nn-state', (e) => (e as CustomEvent<{ state: string }>).detail.state === 'diverged' && this.#onDiverged());
    this.#wireAnswer();
    this.#wireSolution();
    // The demo may have run already (its script can start it before this one loads).
    if (customElements.get('nn-fit-demo') && this.#demo instanceof customElements.get('nn-fit-demo')!) this.#onRows(this.#demo.log);
  }

  disconnectedCallback(): void {
    for (const [target, type, fn] of this.#listeners) target.removeEventListener(type, fn);
    this.#listeners.length = 0;
  }

  get #status(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-role="status"]')!;
  }
  get #solved(): boolean {
    return this.dataset.state === 'solved';
  }
  get #answer(): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector<HTMLInputElement | HTMLSelectElement>('[data-role="answer"]');
  }

  #listen(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn);
    this.#listeners.push([target, type, fn]);
  }

  /** Shows what the stored progress says: solved earlier, or open again after the reader cleared it. */
  #fromStorage(): void {
    const entry = readProgress(this.#storage)[this.id];
    if (entry) this.#show({ solved: true, why: entry.why });
    else if (this.#solved) {
      this.dataset.state = 'open';
      this.#badge('open');
      this.#say(this.#goal);
    }
  }

  /** A claim of the text is checking itself on the demo: that run is the page's, not the reader's work. */
  get #claimRun(): boolean {
    return document.querySelector(`nn-claim[data-state="checking"][data-demo="${this.dataset.demo}"]`) !== null;
  }

  #onRows(rows: readonly StepRow[]): void {
    const c = this.#condition;
    const demo = this.#demo!;
    if (this.#solved || rows.length === 0 || this.#claimRun) return;
    // A new run from the seeded start: the goal again, in place of what was said of the last one.
    if (rows[0]!.step === 0) this.#say(this.#goal);
    if (c.kind === 'reach') {
      const settings = demo.settings;
      const step = c.at ?? c.by;
      // A condition at a step means a run with these settings from its start.
      if (step !== undefined && demo.mixed) return matches(c.when, settings) ? this.#say(MIXED) : undefined;
      for (const row of rows) {
        const v = judgeRow(c, { ...observe(row, demo.columnNames), hand: demo.dataset.mode === 'hand' }, settings);
        if (v) return this.#solve(v);
      }
      if (step !== undefined && rows.at(-1)!.step > step && matches(c.when, settings)) {
        this.#say(`This run passed step ${step} without getting there: change a setting (or press Reset) and run again.`);
      }
    } else if ((c.kind === 'number' || c.kind === 'pick') && rows.some((r) => r.step === c.step)) this.#checkAnswer();
  }

  #onEdited(loss: number): void {
    const c = this.#condition;
    if (this.#solved || c.kind !== 'reach') return;
    const o: Observation = { step: null, loss, columns: {} };
    const v = judgeRow(c, o, this.#demo!.settings);
    if (v) this.#solve(v);
  }

  #onDiverged(): void {
    const c = this.#condition;
    if (this.#solved || c.kind !== 'diverge' || this.#claimRun) return;
    if (this.#demo!.mixed) return matches(c.when, this.#demo!.settings) ? this.#say(MIXED) : undefined;
    const v = judgeDivergence(c, this.#demo!.settings, this.#demo!.divergence ?? 'the loss ran away');
    if (v) this.#solve(v);
  }

  /** A typed or picked answer, judged against the demo's run with the chapter's settings (trained to the step if need be). */
  #checkAnswer(): void {
    const c = this.#condition;
    const answer = this.#answer?.value.trim() ?? '';
    const demo = this.#demo!;
    if (this.#solved || (c.kind !== 'number' && c.kind !== 'pick') || answer === '') return;
    if (!demo.runsWithDefaultsAnd(c.when ?? {})) {
      const extra = this.dataset.whenText ? `, but ${this.dataset.whenText}` : '';
      this.#say(`To check, set the demo to the chapter's settings${extra}; then your answer is checked against its run.`);
      return;
    }
    if (demo.mixed) {
      this.#say(MIXED);
      return;
    }
    const row = demo.rowAt(c.step);
    if (row) {
      const v = judgeAnswer(c, answer, observe(row, demo.columnNames));
      if (v) this.#show(v);
      return;
    }
    this.#say(`Checking: running the demo to step ${c.step}…`);
    demo.runTo(c.step).then(
      () => this.#checkAnswer(),
      (err: unknown) => this.#say(`Could not check: ${err instanceof Error ? err.message : String(err)}.`),
    );
  }

  #solve(v: Verdict): void {
    this.#show(v);
    if (!v.solved) return;
    markSolved(this.#storage, this.id, v.why);
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  }

  #show(v: Verdict): void {
    if (!v.solved) {
      this.#say(v.why.charAt(0).toUpperCase() + v.why.slice(1) + '.');
      return;
    }
    if (this.#solved) return;
    this.dataset.state = 'solved';
    this.#badge('solved');
    this.#say(`Solved: ${v.why}.`);
  }

  #say(text: string): void {
    this.#status.textContent = text;
  }
  #badge(text: string): void {
    const badge = this.querySelector('[data-role="badge"]');
    if (badge) badge.textContent = text;
  }

  /** Hints unfold one at a time: the next appears once the one before it has been opened. */
  #wireHints(): void {
    const hints = [...this.querySelectorAll<HTMLDetailsElement>('[data-role="hint"]')];
    hints.forEach((h, i) => {
      if (i > 0) h.hidden = !hints[i - 1]!.open;
      h.addEventListener('toggle', () => {
        if (h.open && hints[i + 1]) hints[i + 1]!.hidden = false;
      });
    });
  }

  #wireAnswer(): void {
    const input = this.#answer;
    if (!input) return;
    const given = new URLSearchParams(location.search).get(`answer.${this.id}`);
    if (given !== null) input.value = given.slice(0, 40);
    input.addEventListener('change', () => this.#checkAnswer());
    if (input instanceof HTMLInputElement) input.addEventListener('keydown', (e) => e.key === 'Enter' && this.#checkAnswer());
  }

  /** When the page's link carries this exercise's solution, says so and offers to run it. */
  #wireSolution(): void {
    const solution = JSON.parse(this.dataset.solution ?? '{}') as Solution;
    const query = new URLSearchParams(location.search);
    const demoId = this.dataset.demo!;
    const settingsThere = Object.entries(solution.settings).every(([k, v]) => query.get(`${demoId}.${k}`) === String(v));
    const answerThere = solution.answer === undefined || query.get(`answer.${this.id}`) === solution.answer;
    if (!settingsThere || !answerThere || (Object.keys(solution.settings).length === 0 && solution.answer === undefined)) return;
    const note = this.querySelector<HTMLElement>('[data-role="solution-note"]');
    if (note) note.hidden = false;
    this.querySelector('[data-action="run-solution"]')?.addEventListener('click', () => {
      if (!solution.steps) return;
      this.#say(`Running the demo to step ${solution.steps}…`);
      this.#demo!.runTo(solution.steps).then(
        () => this.#answer?.value && this.#checkAnswer(),
        // A diverging solution ends in a rejected run, and that is the point: the verdict stands.
        (err: unknown) => this.#solved || this.#say(`The run stopped: ${err instanceof Error ? err.message : String(err)}.`),
      );
    });
  }
}

if (!customElements.get('nn-exercise')) customElements.define('nn-exercise', NnExercise);
