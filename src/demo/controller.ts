/**
 * A demo's runtime without the DOM: the state machine of one demo, its settings (and their
 * URL form), the trainer it drives, the run's history, and what claims and exercises ask of
 * it (`runTo`, `runWith`). Views read it and call its methods; it tells them what changed
 * through `emit`. Unit-tested against a fake trainer (tests/unit/demo/controller.test.ts).
 */
import { BACKEND_LABELS, type BackendName } from '../nn/tf';
import type { Trainer } from '../train/client';
import type { RunView, UnitEdit } from '../train/experiment';
import { StepHistory } from '../train/history';
import type { Report } from '../train/protocol';
import type { Progress, StepRow } from '../train/session';
import { choice, defaults, parseSetting, settingsFromQuery, settingsToQuery, type Settings, type SettingsSpec } from '../train/settings';
import { ClaimWaiters } from './waiters';
import { formatNumber as fmt, noWorkerMessage } from './format';

export type DemoState = 'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';

/** Where each state may go. A report that would move elsewhere came too late (a pause acknowledged after a reset) and is ignored. */
export const TRANSITIONS: Readonly<Record<DemoState, readonly DemoState[]>> = {
  idle: ['loading', 'error'],
  loading: ['ready', 'error'],
  ready: ['running', 'loading', 'error'],
  running: ['ready', 'paused', 'diverged', 'loading', 'error'],
  paused: ['running', 'ready', 'loading', 'error'],
  diverged: ['loading', 'error'],
  error: ['loading'],
};

/** A message for the reader: errors are alerts, notices are notes; `way` names the way on it offers. */
export interface DemoMessage {
  text: string;
  kind: 'error' | 'notice';
  way: 'defaults' | 'in-page';
}

export type DemoEvent =
  | { type: 'state'; state: DemoState }
  /** The settings or the backend changed: controls follow, and the URL (`query`). */
  | { type: 'settings'; query: URLSearchParams }
  | { type: 'message'; message: DemoMessage | null }
  | { type: 'status'; text: string }
  | { type: 'backend'; backend: BackendName }
  /** A run went back to step 0; `drawTarget`: its target is a drawing not yet made. */
  | { type: 'start'; drawTarget: boolean }
  | { type: 'progress'; rows: readonly StepRow[] }
  /** A run ended or paused: views catch up on what they skipped while it ran. */
  | { type: 'stopped' }
  | { type: 'edited'; loss: number };

export interface ControllerOptions {
  /** The demo's id: the prefix of its settings in the URL. */
  id: string;
  experiment: string;
  spec: SettingsSpec;
  /** Hand mode: every settings change is a try (a step of one); there is no training. */
  hand: boolean;
  query: URLSearchParams;
  /** Starts a trainer (a worker, or the page's own thread when `inPage`); may throw WorkerUnavailableError. */
  makeTrainer(onReport: (r: Report) => void, inPage: boolean): Trainer;
  emit(e: DemoEvent): void;
  /** Clock for the status line's pace (ms). */
  now?: () => number;
}

/** The backend as a URL setting, labelled from the one table of backends. */
const BACKEND_SETTING = choice('Backend', { webgl: BACKEND_LABELS.webgl.label, wasm: BACKEND_LABELS.wasm.label, cpu: BACKEND_LABELS.cpu.label }, 'webgl');
/** While training, the status line (read out by screen readers) changes at most this often. */
const STATUS_EVERY_MS = 4000;

export class DemoController {
  readonly history = new StepHistory();
  readonly spec: SettingsSpec;
  readonly hand: boolean;
  readonly urlErrors: string[];
  #state: DemoState = 'idle';
  #settings: Settings;
  #backend: BackendName;
  #trainer: Trainer | null = null;
  /** The backend the trainer runs on (it may have fallen back from the one asked for). */
  #runningOn: BackendName | null = null;
  #contextLost = false;
  #inPage = false;
  #view: RunView | null = null;
  #curves: number[][] | null = null;
  #units: number[][] | null = null;
  #msPerStep = 0;
  #numTensors = 0;
  #starts = 0;
  /** A live setting changed mid-run: not every step used the settings now shown. */
  #mixed = false;
  #autoPaused = false;
  #visible = true;
  #lastStatus = -Infinity;
  #editing: { inFlight: boolean; pending: UnitEdit | null } = { inFlight: false, pending: null };
  readonly #waiters = new ClaimWaiters();
  readonly #o: ControllerOptions;
  readonly #now: () => number;

  constructor(o: ControllerOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => performance.now());
    this.spec = o.spec;
    this.hand = o.hand;
    const { settings, errors } = settingsFromQuery({ ...o.spec, backend: BACKEND_SETTING }, o.query, o.id);
    const { backend, ...rest } = settings;
    this.#settings = rest;
    this.#backend = backend as BackendName;
    this.urlErrors = errors;
  }

  get state(): DemoState {
    return this.#state;
  }
  get settings(): Readonly<Settings> {
    return this.#settings;
  }
  get backend(): BackendName {
    return this.#backend;
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
  /** What the current run shows (null until its first report). */
  get view(): RunView | null {
    return this.#view;
  }
  get curves(): number[][] | null {
    return this.#curves;
  }
  get units(): number[][] | null {
    return this.#units;
  }
  get msPerStep(): number {
    return this.#msPerStep;
  }
  get numTensors(): number {
    return this.#numTensors;
  }
  /** How many runs have started (the first one's step 0 is what the build-time preview shows). */
  get starts(): number {
    return this.#starts;
  }
  get step(): number {
    return this.history.last?.step ?? 0;
  }
  get usable(): boolean {
    return this.#state === 'ready' || this.#state === 'paused' || this.#state === 'running';
  }
  /** True when the run uses the settings the chapter's text talks about. */
  get usesDefaults(): boolean {
    return Object.entries(defaults(this.spec)).every(([k, v]) => this.#settings[k] === v);
  }
  get query(): URLSearchParams {
    return settingsToQuery({ ...this.spec, backend: BACKEND_SETTING }, { ...this.#settings, backend: this.#backend }, this.#o.query, this.#o.id);
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
    this.#trainer.send({ type: 'init', experiment: this.#o.experiment, settings: { ...this.#settings }, backend: this.#backend });
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
    if (this.hand) {
      this.#setAll(defaults(this.spec));
      this.#settingsChanged();
    }
    this.#restart();
  }

  /** A control changed: check it, then apply it live or restart from the seeded start. Returns the refusal, if any. */
  change(key: string, raw: string): string | null {
    const s = this.spec[key];
    const parsed = s ? parseSetting(s, raw) : { error: `no setting "${key}"` };
    if ('error' in parsed) {
      this.#message({ text: `${parsed.error}. Keeping ${String(this.#settings[key])}.`, kind: 'notice', way: 'defaults' });
      return parsed.error;
    }
    this.#message(null);
    this.#settings[key] = parsed.value;
    this.#settingsChanged();
    if (s!.live) {
      if (this.step > 0) this.#mixed = true;
      this.#trainer?.send({ type: 'update', settings: { [key]: parsed.value } });
      if (this.hand) this.run(1);
    } else if (this.#trainer) this.#restart();
    return null;
  }

  /** Another backend: a fresh trainer on it. */
  setBackend(backend: BackendName): void {
    this.#backend = backend;
    this.#settingsChanged();
    this.#replaceTrainer('the backend changed');
  }

  /** The message's way on: the defaults, or training on the page's own thread. */
  useDefaults(): void {
    this.#setAll(defaults(this.spec));
    this.#backend = 'webgl';
    this.#settingsChanged();
    this.#replaceTrainer('the settings were reset');
  }

  trainInPage(): void {
    this.#inPage = true;
    this.#backend = 'cpu';
    this.#settingsChanged();
    this.#replaceTrainer('the demo moved to this page');
  }

  /** A drawn target: `key` (a series setting) takes the values and the run restarts on it. */
  setDrawing(key: string, value: string): void {
    this.#settings.target = 'drawn';
    this.#settings[key] = value;
    this.#message(null);
    this.#settingsChanged();
    this.#restart();
  }

  /** A kink was moved: training pauses, and the edit is applied (one at a time; the latest waits). */
  edit(edit: UnitEdit): void {
    if (this.#state === 'running') this.#trainer?.send({ type: 'pause' });
    else if (this.#state !== 'ready' && this.#state !== 'paused') return;
    if (this.#editing.inFlight) this.#editing.pending = edit;
    else this.#sendEdit(edit);
  }

  /** The demo is on screen (and the tab shown) or not: a run pauses while it is not, and resumes after. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
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
    const row = this.history.at(step);
    if (row) return Promise.resolve(row);
    if (this.#state === 'diverged' || this.#state === 'error') return Promise.reject(new Error(`the run stopped before step ${step}`));
    this.start();
    const promise = this.#waiters.wait(step);
    this.run(step - this.step);
    return promise;
  }

  /**
   * Moves the settings to the chapter's defaults with `changes` (as a claim asks) and
   * resolves with the row that results: for a hand demo the try there; for a training demo,
   * step `step` of a run from the seeded start with them.
   */
  runWith(changes: Settings, step?: number): Promise<StepRow> {
    const before = JSON.stringify(this.#settings);
    const next = defaults(this.spec) as Settings;
    for (const [key, value] of Object.entries(changes)) {
      const s = this.spec[key];
      if (!s) return Promise.reject(new Error(`no setting "${key}"`));
      const parsed = parseSetting(s, String(value));
      if ('error' in parsed) return Promise.reject(new Error(parsed.error));
      next[key] = parsed.value;
    }
    this.#setAll(next);
    this.#settingsChanged();
    if (this.hand) {
      this.#trainer?.send({ type: 'update', settings: { ...this.#settings } });
      return this.runTo(this.step + 1);
    }
    if (step === undefined) return Promise.reject(new Error('a training demo needs a step to run to'));
    const reusable = this.usable && !this.#mixed && JSON.stringify(this.#settings) === before && this.history.last;
    if (this.#trainer && reusable) return this.runTo(step);
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

  #setAll(settings: Settings): void {
    this.#settings = { ...settings };
  }

  #settingsChanged(): void {
    this.#o.emit({ type: 'settings', query: this.query });
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
    this.#trainer.send({ type: 'reset', settings: { ...this.#settings } });
  }

  #replaceTrainer(why: string): void {
    this.#waiters.rejectAll(why);
    this.#trainer?.terminate();
    this.#trainer = null;
    this.#message(null);
    this.start();
  }

  #sendEdit(edit: UnitEdit): void {
    this.#editing.inFlight = true;
    this.#trainer?.send({ type: 'edit', edit });
  }

  #report(r: Report): void {
    switch (r.type) {
      case 'ready': {
        this.#runningOn = r.backend;
        const asked = BACKEND_LABELS[this.#backend].label;
        if (r.fallbackReason) this.#message({ text: `Training on the CPU instead of ${asked}: ${r.fallbackReason}. It works, only slower.`, kind: 'notice', way: 'defaults' });
        this.#o.emit({ type: 'backend', backend: r.backend });
        return;
      }
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

  #started(progress: Progress, view: RunView): void {
    this.#starts++;
    this.#mixed = false;
    this.#view = view;
    this.#editing = { inFlight: false, pending: null };
    this.history.clear();
    this.#accept(progress);
    this.#units = progress.units ?? null;
    this.#to('ready');
    this.#status(`Ready at the seeded start: loss ${fmt(this.history.first!.loss)}.`, true);
    const series = Object.keys(this.spec).find((k) => this.spec[k]!.kind === 'series');
    this.#o.emit({ type: 'start', drawTarget: series !== undefined && this.#settings.target === 'drawn' && this.#settings[series] === '' });
    this.#serveWaiters();
  }

  #edited(loss: number, progress: Progress): void {
    this.#editing.inFlight = false;
    // A later edit is waiting: send it, and show only where the last one lands.
    const next = this.#editing.pending;
    if (next) {
      this.#editing.pending = null;
      this.#sendEdit(next);
      return;
    }
    if (progress.curves) this.#curves = progress.curves;
    this.#units = progress.units ?? this.#units;
    this.#status(`Moved by hand: loss now ${fmt(loss)}. Play trains on from here.`, true);
    this.#o.emit({ type: 'edited', loss });
  }

  #accept(p: Progress): void {
    this.history.push(p.rows);
    if (p.curves) this.#curves = p.curves;
    if (p.units) this.#units = p.units;
    if (p.rows.length) this.#msPerStep = p.msPerStep;
    this.#numTensors = p.numTensors;
    this.#waiters.serve((step) => this.history.at(step) ?? p.rows.find((r) => r.step === step));
    const last = this.history.last;
    if (this.#state === 'running' && last) this.#status(`Training: step ${last.step}, loss ${fmt(last.loss)}.`);
    this.#o.emit({ type: 'progress', rows: p.rows });
  }

  #stopped(reason: 'done' | 'paused'): void {
    const applies = this.#state === 'running' || (reason === 'done' && this.#state === 'paused');
    if (applies) this.#to(reason === 'paused' ? 'paused' : 'ready');
    const last = this.history.last!;
    this.#status(this.hand ? `Try ${last.step}: loss ${fmt(last.loss)}.` : `${reason === 'paused' ? 'Paused' : 'Stopped'} at step ${last.step}: loss ${fmt(last.loss)}.`, true);
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
    if (furthest !== null && this.#state === 'ready') this.run(furthest - this.step);
  }
}
