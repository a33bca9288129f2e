/**
 * A demo's runtime without the DOM: the state machine of one demo, its settings (and their
 * URL form), the trainer it drives, the run's history, and what claims and exercises ask of
 * it (`runTo`, `runWith`). Views read it and call its methods; it tells them what changed
 * through `emit` (the events are in states.ts). Unit-tested against a fake trainer (tests/unit/demo/controller.test.ts).
 */
import { BACKEND_LABELS, type BackendName } from '../nn/tf';
import type { RunView, UnitEdit } from '../train/experiment';
import type { Trainer } from '../train/client';
import type { Report } from '../train/protocol';
import type { Progress, StepRow } from '../train/session';
import type { Settings } from '../train/settings';
import { DemoSettings } from './demo-settings';
import { RunRecord } from './run-record';
import { TRANSITIONS, type ControllerOptions, type DemoMessage, type DemoState } from './states';
import { ClaimWaiters, EditQueue } from './waiters';
import { formatNumber as fmt, noWorkerMessage } from './format';

/** While training, the status line (read out by screen readers) changes at most this often. */
const STATUS_EVERY_MS = 4000;

export class DemoController {
  /** The settings and backend: what the controls show and the link says. */
  readonly settings: DemoSettings;
  /** The current run: its log, curves and units. */
  readonly record = new RunRecord();
  readonly hand: boolean;
  #state: DemoState = 'idle';
  #trainer: Trainer | null = null;
  /** The backend the trainer runs on (it may have fallen back from the one asked for). */
  #runningOn: BackendName | null = null;
  #contextLost = false;
  #inPage = false;
  /** A live setting changed mid-run: not every step used the settings now shown. */
  #mixed = false;
  #autoPaused = false;
  #lastStatus = -Infinity;
  readonly #edits = new EditQueue<UnitEdit>((edit) => this.#trainer?.send({ type: 'edit', edit }));
  readonly #waiters = new ClaimWaiters();
  readonly #o: ControllerOptions;
  readonly #now: () => number;

  constructor(o: ControllerOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => performance.now());
    this.hand = o.hand;
    this.settings = new DemoSettings(o.spec, o.query, o.id);
  }

  get state(): DemoState {
    return this.#state;
  }
  get runningOn(): BackendName | null {
    return this.#runningOn;
  }
  get inPage(): boolean {
    return this.#inPage;
  }
  /** The WebGL context was lost: Reset starts a new trainer. */
  get contextLost(): boolean {
    return this.#contextLost;
  }
  get usable(): boolean {
    return this.#state === 'ready' || this.#state === 'paused' || this.#state === 'running';
  }

  /** Starts the trainer (once; the page calls this when the demo comes near the viewport). */
  start(): void {
    if (this.#trainer) return;
    this.#to('loading');
    this.#status('Loading TensorFlow.js…', true);
    try {
      this.#trainer = this.#o.makeTrainer((r) => this.#report(r), this.#inPage);
    } catch (err) {
      this.#report({ type: 'error', noWorker: true, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const { values, backend } = this.settings;
    this.#trainer.send({ type: 'init', experiment: this.#o.experiment, settings: { ...values }, backend });
  }

  dispose(): void {
    this.#trainer?.send({ type: 'dispose' });
    this.#trainer?.terminate();
    this.#trainer = null;
  }

  /** Step: one step. Play: train until paused. */
  run(steps: number): void {
    // In hand mode a new try replaces the one under way; a training run is paused first.
    const from = this.hand ? this.usable : this.#state === 'ready' || this.#state === 'paused';
    if (steps <= 0 || !from) return;
    this.#to('running');
    this.#trainer?.send({ type: 'run', steps });
  }

  pause(): void {
    if (this.#state === 'running') this.#trainer?.send({ type: 'pause' });
  }

  /** Back to the seeded start (in hand mode, also the chapter's starting settings). */
  reset(): void {
    if (this.hand) this.#changed(() => this.settings.resetValues());
    this.#restart();
  }

  /** A control changed: check it, then apply it live or restart from the seeded start. Returns the refusal, if any. */
  change(key: string, raw: string): string | null {
    const parsed = this.settings.parse(key, raw);
    if ('error' in parsed) {
      this.#message({ text: `${parsed.error}. Keeping ${String(this.settings.values[key])}.`, kind: 'notice', way: 'defaults' });
      return parsed.error;
    }
    this.#message(null);
    this.#changed(() => (this.settings.values[key] = parsed.value));
    if (this.settings.isLive(key)) {
      if (this.record.step > 0) this.#mixed = true;
      this.#trainer?.send({ type: 'update', settings: { [key]: parsed.value } });
      if (this.hand) this.run(1);
    } else if (this.#trainer) this.#restart();
    return null;
  }

  /** Another backend: a fresh trainer on it. */
  setBackend(backend: BackendName): void {
    this.#changed(() => (this.settings.backend = backend));
    this.#replaceTrainer('the backend changed');
  }

  /** The message's way on: the default settings and backend. */
  useDefaults(): void {
    this.#changed(() => {
      this.settings.resetValues();
      this.settings.backend = 'webgl';
    });
    this.#replaceTrainer('the settings were reset');
  }

  /** The other way on, where no worker starts: train on the page's own thread, on the CPU. */
  trainInPage(): void {
    this.#inPage = true;
    this.#changed(() => (this.settings.backend = 'cpu'));
    this.#replaceTrainer('the demo moved to this page');
  }

  /** A drawn target: the series setting takes the values, and the run restarts on it. */
  setDrawing(value: string): void {
    const key = this.settings.seriesKey;
    if (!key) return;
    this.#message(null);
    this.#changed(() => Object.assign(this.settings.values, { target: 'drawn', [key]: value }));
    this.#restart();
  }

  /** A kink was moved: training pauses, and the edit is applied (one at a time; the latest waits). */
  edit(edit: UnitEdit): void {
    if (this.#state === 'running') this.#trainer?.send({ type: 'pause' });
    else if (this.#state !== 'ready' && this.#state !== 'paused') return;
    this.#edits.push(edit);
  }

  /** The demo is on screen (and the tab shown) or not: a run pauses while it is not, and resumes after. */
  setVisible(visible: boolean): void {
    if (!visible && this.#state === 'running') {
      this.#autoPaused = true;
      this.#trainer?.send({ type: 'pause' });
    } else if (visible && this.#autoPaused) {
      this.#autoPaused = false;
      if (this.#state === 'paused') this.run(Number.POSITIVE_INFINITY);
    }
  }

  /** Resolves with the log row of `step`, training until it exists (claims use this). */
  runTo(step: number): Promise<StepRow> {
    const row = this.record.history.at(step);
    if (row) return Promise.resolve(row);
    if (this.#state === 'diverged' || this.#state === 'error') return Promise.reject(new Error(`the run stopped before step ${step}`));
    this.start();
    const promise = this.#waiters.wait(step);
    this.run(step - this.record.step);
    return promise;
  }

  /**
   * Moves the settings to the chapter's defaults with `changes` (as a claim asks) and
   * resolves with the row that results: for a hand demo the try there; for a training demo,
   * step `step` of a run from the seeded start with them.
   */
  runWith(changes: Settings, step?: number): Promise<StepRow> {
    const next = this.settings.withChanges(changes);
    if ('error' in next) return Promise.reject(new Error(next.error));
    const same = JSON.stringify(next.values) === JSON.stringify(this.settings.values);
    this.#changed(() => (this.settings.values = next.values));
    if (this.hand) {
      this.#trainer?.send({ type: 'update', settings: { ...next.values } });
      return this.runTo(this.record.step + 1);
    }
    if (step === undefined) return Promise.reject(new Error('a training demo needs a step to run to'));
    // Already running with exactly these settings (an earlier claim's run): train on, or read the log.
    if (this.#trainer && same && this.usable && !this.#mixed && this.record.history.last) return this.runTo(step);
    if (this.#trainer) this.#restart();
    else this.start();
    return this.#waiters.wait(step);
  }

  #to(state: DemoState): boolean {
    if (state !== this.#state && !TRANSITIONS[this.#state].includes(state)) return false;
    this.#state = state;
    this.#o.emit({ type: 'state', state });
    return true;
  }

  /** Changes the settings (or backend) with `change`, then the controls and the link follow. */
  #changed(change: () => unknown): void {
    change();
    this.#o.emit({ type: 'settings', query: this.settings.query });
  }

  #message(message: DemoMessage | null): void {
    this.#o.emit({ type: 'message', message });
  }

  /** The status line: on every change when `force`d, otherwise every few seconds while training. */
  #status(text: string, force = false): void {
    if (!force && this.#now() - this.#lastStatus < STATUS_EVERY_MS) return;
    this.#lastStatus = this.#now();
    this.#o.emit({ type: 'status', text });
  }

  #restart(): void {
    this.#waiters.rejectAll('the demo was reset');
    this.#message(null);
    this.#autoPaused = false;
    if (this.#state === 'error' || !this.#trainer) {
      // A lost context or a failed worker: start afresh with a new one.
      this.#trainer?.terminate();
      this.#trainer = null;
      this.#contextLost = false;
      this.start();
      return;
    }
    this.#to('loading');
    this.#trainer.send({ type: 'reset', settings: { ...this.settings.values } });
  }

  #replaceTrainer(why: string): void {
    this.#waiters.rejectAll(why);
    this.#trainer?.terminate();
    this.#trainer = null;
    this.#message(null);
    this.start();
  }

  #report(r: Report): void {
    switch (r.type) {
      case 'ready':
        return this.#ready(r.backend, r.fallbackReason);
      case 'start':
        return this.#started(r.progress, r.view);
      case 'edited':
        return this.#edited(r.loss, r.progress);
      case 'progress':
        return this.#accept(r.progress);
      case 'stopped':
        return this.#stopped(r.reason);
      case 'diverged':
        this.#to('diverged');
        this.#message({ text: r.message, kind: 'error', way: 'defaults' });
        this.#status(r.message, true);
        this.#waiters.rejectAll(r.message);
        return;
      case 'error':
        return this.#failed(r);
    }
  }

  #ready(backend: BackendName, fallbackReason: string | undefined): void {
    this.#runningOn = backend;
    const asked = BACKEND_LABELS[this.settings.backend].label;
    if (fallbackReason) this.#message({ text: `Training on the CPU instead of ${asked}: ${fallbackReason}. It works, only slower.`, kind: 'notice', way: 'defaults' });
    this.#o.emit({ type: 'backend', backend });
  }

  #started(progress: Progress, view: RunView): void {
    this.#mixed = false;
    this.#edits.clear();
    this.record.begin(view, progress);
    this.#progressed(progress);
    this.#to('ready');
    this.#status(`Ready at the seeded start: loss ${fmt(this.record.history.first!.loss)}.`, true);
    const key = this.settings.seriesKey;
    const values = this.settings.values;
    this.#o.emit({ type: 'start', drawTarget: key !== undefined && values.target === 'drawn' && values[key] === '' });
    this.#serveWaiters();
  }

  #edited(loss: number, progress: Progress): void {
    // A later edit was waiting: it is sent now, and only where the last one lands is shown.
    if (!this.#edits.applied()) return;
    this.record.edited(progress);
    this.#status(`Moved by hand: loss now ${fmt(loss)}. Play trains on from here.`, true);
    this.#o.emit({ type: 'edited', loss });
  }

  #accept(p: Progress): void {
    this.record.accept(p);
    this.#progressed(p);
  }

  /** New rows: waiters whose step came are served, and the views told. */
  #progressed(p: Progress): void {
    this.#waiters.serve((step) => this.record.history.at(step) ?? p.rows.find((r) => r.step === step));
    const last = this.record.history.last;
    if (this.#state === 'running' && last) this.#status(`Training: step ${last.step}, loss ${fmt(last.loss)}.`);
    this.#o.emit({ type: 'progress', rows: p.rows });
  }

  #stopped(reason: 'done' | 'paused'): void {
    const applies = this.#state === 'running' || (reason === 'done' && this.#state === 'paused');
    if (applies) this.#to(reason === 'paused' ? 'paused' : 'ready');
    const last = this.record.history.last!;
    const what = reason === 'paused' ? 'Paused' : 'Stopped';
    this.#status(this.hand ? `Try ${last.step}: loss ${fmt(last.loss)}.` : `${what} at step ${last.step}: loss ${fmt(last.loss)}.`, true);
    if (reason === 'done') this.#serveWaiters();
    this.#o.emit({ type: 'stopped' });
  }

  #failed(r: Extract<Report, { type: 'error' }>): void {
    this.#to('error');
    if (r.contextLost) this.#contextLost = true;
    if (r.noWorker) {
      // Nothing runs; the way on is the page's own thread.
      this.#trainer?.terminate();
      this.#trainer = null;
    }
    this.#message(r.noWorker ? { text: noWorkerMessage(r.message), kind: 'error', way: 'in-page' } : { text: r.message, kind: 'error', way: 'defaults' });
    this.#status(r.message, true);
    this.#waiters.rejectAll(r.message);
  }

  /** Someone is waiting for a later step (a claim, or runTo while a run was ending): train on to it. */
  #serveWaiters(): void {
    const furthest = this.#waiters.furthest;
    if (furthest !== null && this.#state === 'ready') this.run(furthest - this.record.step);
  }
}

export { TRANSITIONS, type ControllerOptions, type DemoEvent, type DemoMessage, type DemoState } from './states';
