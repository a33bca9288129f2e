/**
 * A demo's runtime without the DOM: its state machine, settings (and their URL form), trainer, run history, and what claims
 * and exercises ask of it (`runTo`, `runWith`). Views call its methods and hear what changed through `emit` (events: states.ts).
 * Unit-tested against a fake trainer (tests/unit/demo/controller.test.ts).
 */
import { BACKEND_LABELS, type BackendName } from '../nn/backends';
import type { RunView, UnitEdit } from '../train/experiment';
import type { Report } from '../train/protocol';
import type { Progress, StepRow } from '../train/training-run';
import type { Settings } from '../train/settings';
import { DemoSettings } from './demo-settings';
import { RunRecord } from './run-record';
import { TRANSITIONS, type ControllerOptions, type DemoState } from './states';
import { TrainerLink } from './trainer-link';
import { DemoVoice } from './voice';
import { ClaimWaiters, EditQueue } from './waiters';

export class DemoController {
  /** The settings and backend: what the controls show and the link says. */
  readonly settings: DemoSettings;
  /** The current run: its log, curves and units. */
  readonly record = new RunRecord();
  readonly hand: boolean;
  #state: DemoState = 'idle';
  /** The trainer: where it runs and on which backend. */
  readonly link: TrainerLink;
  #autoPaused = false;
  readonly #edits = new EditQueue<UnitEdit>((edit) => this.link.send({ type: 'edit', edit }));
  readonly #waiters = new ClaimWaiters();
  readonly #o: ControllerOptions;
  readonly #say: DemoVoice;

  constructor(o: ControllerOptions) {
    this.#o = o;
    this.#say = new DemoVoice(o.emit, o.now ?? (() => performance.now()));
    this.hand = o.hand;
    this.settings = new DemoSettings(o.spec, o.query, o.id);
    this.link = new TrainerLink(o.makeTrainer, (r) => this.#report(r));
  }

  get state(): DemoState {
    return this.#state;
  }
  get usable(): boolean {
    return this.#state === 'ready' || this.#state === 'paused' || this.#state === 'running';
  }

  /** Starts the trainer (once; the page calls this when the demo comes near the viewport). */
  start(): void {
    if (this.link.open) return;
    this.#to('loading');
    this.#say.status('Loading TensorFlow.js…');
    const { values, backend } = this.settings;
    this.link.start({ type: 'init', experiment: this.#o.experiment, settings: { ...values }, backend });
  }

  dispose(): void {
    this.link.send({ type: 'dispose' });
    this.link.close();
  }

  /** Step: one step. Play: train until paused. */
  run(steps: number): void {
    // In hand mode a new try replaces the one under way; a training run is paused first.
    const from = this.hand ? this.usable : this.#state === 'ready' || this.#state === 'paused';
    if (steps <= 0 || !from) return;
    this.#to('running');
    this.link.send({ type: 'run', steps });
  }

  pause(): void {
    if (this.#state === 'running') this.link.send({ type: 'pause' });
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
      this.#say.notice(`${parsed.error}. Keeping ${String(this.settings.values[key])}.`);
      return parsed.error;
    }
    this.#say.message(null);
    this.#changed(() => (this.settings.values[key] = parsed.value));
    if (this.settings.isLive(key)) {
      if (this.record.step > 0 && !this.settings.isDisplay(key)) this.record.mixed = true;
      this.link.send({ type: 'update', settings: { [key]: parsed.value } });
      if (this.hand) this.run(1);
    } else if (this.link.open) this.#restart();
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
    this.link.inPage = true;
    this.#changed(() => (this.settings.backend = 'cpu'));
    this.#replaceTrainer('the demo moved to this page');
  }

  /** A drawn target: the series setting takes the values, and the run restarts on it. */
  setDrawing(value: string): void {
    const key = this.settings.series?.key;
    if (!key) return;
    this.#say.message(null);
    this.#changed(() => Object.assign(this.settings.values, { [this.settings.drawnChoice ?? key]: 'drawn', [key]: value }));
    this.#restart();
  }

  /** A kink was moved: training pauses, and the edit is applied (one at a time; the latest waits). */
  edit(edit: UnitEdit): void {
    if (this.#state === 'running') this.link.send({ type: 'pause' });
    else if (this.#state !== 'ready' && this.#state !== 'paused') return;
    this.#edits.push(edit);
  }

  /** Off screen or in a hidden tab (false) a Play run pauses, and resumes on return; a run to a step a claim or exercise waits for goes on. */
  setVisible(visible: boolean): void {
    if (!visible && this.#state === 'running' && this.#waiters.furthest === null) {
      this.#autoPaused = true;
      this.link.send({ type: 'pause' });
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
   * Moves the settings to the chapter's defaults with `changes` (as a claim asks) and resolves with the row that
   * results: for a hand demo the try there; for a training demo, step `step` of a run from the seeded start with them.
   */
  runWith(changes: Settings, step?: number): Promise<StepRow> {
    const next = this.settings.withChanges(changes);
    if ('error' in next) return Promise.reject(new Error(next.error));
    const same = JSON.stringify(next.values) === JSON.stringify(this.settings.values);
    // A hand demo tries live settings where it stands; others (a model's size) start it anew.
    const live = this.settings.liveOnly(next.values);
    this.#changed(() => (this.settings.values = next.values));
    if (this.hand && live) {
      this.link.send({ type: 'update', settings: { ...next.values } });
      return this.runTo(this.record.step + 1);
    }
    if (step === undefined && !this.hand) return Promise.reject(new Error('a training demo needs a step to run to'));
    const to = step ?? 0;
    // Already running with exactly these settings (an earlier claim's run): train on, or read the log.
    if (this.link.open && same && this.usable && !this.record.mixed && this.record.history.last) return this.runTo(to);
    if (this.link.open) this.#restart();
    else this.start();
    return this.#waiters.wait(to);
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

  #restart(): void {
    this.#waiters.rejectAll('the demo was reset');
    this.#say.message(null);
    this.#autoPaused = false;
    if (this.#state === 'error' || !this.link.open) {
      // A lost context or a failed worker: start afresh with a new one.
      this.link.close();
      this.start();
      return;
    }
    this.#to('loading');
    this.link.send({ type: 'reset', settings: { ...this.settings.values } });
  }

  #replaceTrainer(why: string): void {
    this.#waiters.rejectAll(why);
    this.link.close();
    this.#say.message(null);
    this.start();
  }

  #report(r: Report): void {
    switch (r.type) {
      case 'ready':
        return this.#ready(r.backend, r.fallbackReason);
      case 'start':
        return this.#started(r.progress, r.view);
      case 'edited':
        this.record.edits.push({ step: r.step, edit: r.edit });
        return this.#edited(r.loss, r.progress);
      case 'progress':
        this.record.accept(r.progress);
        for (const { message } of r.progress.retired ?? []) this.#say.notice(message);
        return this.#progressed(r.progress);
      case 'stopped':
        return this.#stopped(r.reason);
      case 'diverged':
        this.record.divergence = r.message;
        this.#to('diverged');
        this.#say.error(r.message);
        this.#say.status(r.message);
        this.#waiters.rejectAll(r.message);
        return;
      case 'error':
        return this.#failed(r);
    }
  }

  #ready(backend: BackendName, fallbackReason: string | undefined): void {
    this.link.runningOn = backend;
    if (fallbackReason) this.#say.fellBack(BACKEND_LABELS[this.settings.backend].label, fallbackReason);
    this.#o.emit({ type: 'backend', backend });
  }

  #started(progress: Progress, view: RunView): void {
    this.#edits.clear();
    this.record.begin(view, progress);
    this.#progressed(progress);
    this.#to('ready');
    this.#say.ready(this.record.history.first!);
    const key = this.settings.series?.key;
    const values = this.settings.values;
    this.#o.emit({ type: 'start', drawTarget: key !== undefined && values[this.settings.drawnChoice ?? ''] === 'drawn' && values[key] === '' });
    this.#serveWaiters();
  }

  #edited(loss: number, progress: Progress): void {
    // A later edit was waiting: it is sent now, and only where the last one lands is shown.
    if (!this.#edits.applied()) return;
    this.record.edited(progress);
    this.#say.edited(loss);
    this.#o.emit({ type: 'edited', loss });
  }

  /** New rows: waiters whose step came are served, and the views told. */
  #progressed(p: Progress): void {
    this.#waiters.serve((step) => this.record.history.at(step) ?? p.rows.find((r) => r.step === step));
    const last = this.record.history.last;
    if (this.#state === 'running' && last) this.#say.training(last);
    this.#o.emit({ type: 'progress', rows: p.rows });
  }

  #stopped(reason: 'done' | 'paused'): void {
    const applies = this.#state === 'running' || (reason === 'done' && this.#state === 'paused');
    if (applies) this.#to(reason === 'paused' ? 'paused' : 'ready');
    const last = this.record.history.last;
    if (last) this.#say.stopped(last, this.hand, reason);
    if (reason === 'done') this.#serveWaiters();
    this.#o.emit({ type: 'stopped' });
  }

  #failed(r: Extract<Report, { type: 'error' }>): void {
    // Nothing runs where no worker started; the way on is the page's own thread.
    if (r.noWorker) this.link.close();
    if (r.contextLost) this.link.contextLost = true;
    this.#to('error');
    this.#say.failed(r.message, r.noWorker === true);
    this.#waiters.rejectAll(r.message);
  }

  /** Someone is waiting for a later step (a claim, or runTo while a run was ending): train on to it. */
  #serveWaiters(): void {
    const furthest = this.#waiters.furthest;
    if (furthest !== null && this.#state === 'ready') this.run(furthest - this.record.step);
  }
}
