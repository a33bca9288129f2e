/**
 * <nn-fit-demo>: the live side of FitDemo.astro. It starts a training worker when it
 * nears the viewport, draws what the worker streams, keeps every setting in the URL, and
 * exposes test hooks as attributes (data-state, data-backend, data-step, data-loss,
 * data-tensors, data-drawn-step).
 */
import type { BackendName } from '../../src/nn/tf';
import type { Progress, StepRow } from '../../src/train/session';
import type { Report, RunMeta } from '../../src/train/protocol';
import { InPageTrainer, TrainerClient, WorkerUnavailableError, type Trainer } from '../../src/train/client';
import { StepHistory } from '../../src/train/history';
import { defaults, formatSeries, parseSetting, settingsFromQuery, settingsToQuery, unknownDemoIds, type Settings, type SettingSpec } from '../../src/train/settings';
import type { UnitEdit } from '../../src/train/experiment';
import { CurveDrawer, KinkHandles } from './chart-edit';
import { formatNumber as fmt, StepLogTable } from './step-log';
import { lossSeriesRows } from './loss-series';

type State = 'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';
type PlotModule = typeof import('../../src/plot');

interface Config {
  experiment: string;
  settings: SettingSpec[];
  live: string[];
}

const BACKEND_SPEC: SettingSpec = {
  kind: 'choice',
  key: 'backend',
  label: 'Backend',
  options: [
    { value: 'webgl', label: 'WebGL' },
    { value: 'wasm', label: 'WebAssembly' },
    { value: 'cpu', label: 'CPU' },
  ],
  default: 'webgl',
};
const BACKEND_LABEL: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };
const LOG_ROWS_SHOWN = 100;
/** While training, charts and the log redraw at most this often (reduced motion: far less). */
const DRAW_EVERY_MS = 100;
const DRAW_EVERY_MS_REDUCED = 500;
const STATUS_EVERY_MS = 4000;
/** While training, the step log takes in new rows at most this often (it shows the latest 100). */
const TABLE_EVERY_MS = 250;
/** While drawing, the chart shows the whole range a drawing may take. */
const DRAW_RANGE: [number, number] = [-3, 3];
const DRAW_DOMAIN: [number, number] = [-3.2, 3.2];


export class NnFitDemo extends HTMLElement {
  /** The run's rows since the last reset, bounded however long it goes (see StepHistory). */
  readonly history = new StepHistory();
  #config!: Config;
  #specs: SettingSpec[] = [];
  #settings: Settings = {};
  #client: Trainer | null = null;
  /** No worker could start and the reader chose to train on the page itself. */
  #inPage = false;
  #plot: PlotModule | null = null;
  #meta: RunMeta | null = null;
  /** Set when a new run starts: its data or units may differ, so charts are drawn anew. */
  #redrawAll = true;
  /** How many runs have started; the first one's step 0 is what the build-time preview shows. */
  #starts = 0;
  #plotLoading: Promise<void> | null = null;
  #curves: number[][] | null = null;
  #msPerStep = 0;
  #drawQueued = false;
  #table!: StepLogTable;
  #lastStatus = 0;
  #tableDrawn = 0;
  #autoPaused = false;
  #waiters: { step: number; resolve: (row: StepRow) => void; reject: (e: Error) => void }[] = [];
  #observers: IntersectionObserver[] = [];
  #onVisibility = () => this.#visibilityChanged();
  #units: number[][] | null = null;
  #kinks: KinkHandles | null = null;
  #drawer: CurveDrawer | null = null;
  #drawing = false;
  /** The reader reached for the chart: draw the live chart with its handles now. */
  #wantsHandles = false;
  /** A live setting changed mid-run: the run's steps did not all use the settings now shown. */
  #mixed = false;
  #editing: { inFlight: boolean; pending: UnitEdit | null } = { inFlight: false, pending: null };

  connectedCallback(): void {
    this.#config = JSON.parse(this.#q('[data-role="config"]').textContent ?? '{}') as Config;
    this.#specs = [...this.#config.settings, BACKEND_SPEC];
    this.#table = new StepLogTable(this.#q('[data-role="log"]'), this.#q('[data-role="log-scroll"]'), LOG_ROWS_SHOWN);
    const { settings, errors } = settingsFromQuery(this.#specs, new URLSearchParams(location.search), this.id);
    this.#settings = settings;
    this.#syncControls();
    // The page's first demo also names demos the link mentions that this page lacks.
    const ids = [...document.querySelectorAll('nn-fit-demo')].map((d) => d.id);
    if (ids[0] === this.id) {
      const unknown = unknownDemoIds(new URLSearchParams(location.search), ids);
      if (unknown.length) errors.push(`this page has no demo ${unknown.join(' or ')} (its demos: ${ids.join(', ')})`);
    }
    if (errors.length) this.#message(`This link's settings could not all be used (the defaults stand in for these): ${errors.join('; ')}.`, 'notice');
    this.#wireControls();
    this.#wireEditing();
    this.#q<HTMLButtonElement>('[data-action="copy-link"]').disabled = false;
    // Start when the demo comes within a quarter screen of the viewport (not during page load).
    const near = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this.#start(), { rootMargin: '25% 0px' });
    near.observe(this);
    // Pause when it is far off screen; resume when it comes back.
    const far = new IntersectionObserver((es) => this.#nearness(es.some((e) => e.isIntersecting)), { rootMargin: '50% 0px' });
    far.observe(this);
    this.#observers = [near, far];
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  disconnectedCallback(): void {
    this.#observers.forEach((o) => o.disconnect());
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#client?.send({ type: 'dispose' });
    this.#client?.terminate();
    this.#client = null;
  }

  /** "hand": the reader sets the parameters and every setting is evaluated as a try; no training. */
  get #hand(): boolean {
    return this.dataset.mode === 'hand';
  }

  /**
   * Moves the controls to `settings` (as a claim asks) and resolves with the log row that
   * results: for a hand demo the try at those settings; for a training demo, step `step`
   * of a run restarted from the seeded start with them.
   */
  runWith(settings: Settings, step?: number): Promise<StepRow> {
    const before = JSON.stringify(this.#settings);
    // A claim's settings are the chapter's defaults with these changed: nothing carries over from an earlier claim.
    this.#settings = { ...defaults(this.#config.settings), backend: this.#settings.backend! };
    for (const [key, value] of Object.entries(settings)) {
      const spec = this.#config.settings.find((s) => s.key === key);
      if (!spec) return Promise.reject(new Error(`no setting "${key}"`));
      const parsed = parseSetting(spec, String(value));
      if ('error' in parsed) return Promise.reject(new Error(parsed.error));
      this.#settings[key] = parsed.value;
    }
    this.#syncControls();
    this.#writeUrl();
    if (this.#hand) {
      const target = this.#step + 1;
      this.#client?.send({ type: 'update', settings: this.#trainSettings() });
      return this.runTo(target);
    }
    if (step === undefined) return Promise.reject(new Error('a training demo needs a step to run to'));
    // Already running with exactly these settings (an earlier claim's run): train on, or read the log.
    const usable = this.dataset.state !== 'diverged' && this.dataset.state !== 'error' && this.dataset.state !== 'loading';
    if (this.#client && usable && !this.#mixed && JSON.stringify(this.#settings) === before && this.history.last) return this.runTo(step);
    if (this.#client) this.#reset();
    else this.#start();
    return new Promise((resolve, reject) => this.#waiters.push({ step, resolve, reject }));
  }

  /** Names of the log's parameter columns (empty until the worker is ready). */
  get paramNames(): string[] {
    return this.#meta?.paramNames ?? [];
  }

  /** True when the run uses the settings the chapter's text talks about. */
  get usesDefaults(): boolean {
    const d = defaults(this.#config.settings);
    return Object.entries(d).every(([k, v]) => this.#settings[k] === v);
  }

  /** The run's log rows, in step order: every row of a short run; first, thinned and latest rows of a long one. */
  get log(): readonly StepRow[] {
    return this.history.rows();
  }

  /** The row of `step` in this run, if it is kept (every row up to step 5000 is). */
  rowAt(step: number): StepRow | undefined {
    return this.history.at(step);
  }

  /** Resolves with the log row of `step`, training until it exists (claims use this). */
  runTo(step: number): Promise<StepRow> {
    const row = this.history.at(step);
    if (row) return Promise.resolve(row);
    if (this.dataset.state === 'diverged' || this.dataset.state === 'error') {
      return Promise.reject(new Error(`the run stopped before step ${step}`));
    }
    this.#start();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ step, resolve, reject });
      if (this.dataset.state === 'ready' || this.dataset.state === 'paused') this.#run(step - this.#step);
    });
  }

  get #step(): number {
    return this.history.last?.step ?? 0;
  }

  #q<T extends HTMLElement = HTMLElement>(sel: string): T {
    const el = this.querySelector<T>(sel);
    if (!el) throw new Error(`nn-fit-demo: missing ${sel}`);
    return el;
  }

  #setState(state: State): void {
    this.dataset.state = state;
    const running = state === 'running';
    const usable = state === 'ready' || state === 'paused' || running;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = running ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(running));
      play.disabled = !usable;
    }
    const step = this.querySelector<HTMLButtonElement>('[data-action="step"]');
    if (step) step.disabled = !usable || running;
    this.#q<HTMLButtonElement>('[data-action="reset"]').disabled = state === 'idle' || state === 'loading';
  }

  #start(): void {
    if (this.#client) return;
    this.#setState('loading');
    this.#status('Loading TensorFlow.js…', true);
    const onReport = (r: Report) => this.#report(r);
    try {
      this.#client = this.#inPage ? new InPageTrainer(onReport) : new TrainerClient(onReport);
    } catch (err) {
      if (!(err instanceof WorkerUnavailableError)) throw err;
      this.#report({ type: 'error', noWorker: true, message: err.message });
      return;
    }
    this.#client.send({
      type: 'init',
      experiment: this.#config.experiment,
      settings: this.#trainSettings(),
      backend: this.#settings.backend as BackendName,
    });
  }

  #trainSettings(): Settings {
    const { backend: _backend, ...rest } = this.#settings;
    return rest;
  }

  #report(r: Report): void {
    switch (r.type) {
      case 'ready': {
        this.dataset.backend = r.backend;
        if (r.fallbackReason) this.#message(`Training on the CPU instead of ${BACKEND_LABEL[this.#settings.backend as BackendName]}: ${r.fallbackReason}. It works, only slower.`, 'notice');
        this.#q<HTMLSelectElement>('[data-role="backend"]').value = r.backend;
        this.#badge();
        return;
      }
      case 'start':
        this.#starts++;
        this.#mixed = false;
        this.#meta = r.meta;
        this.#redrawAll = true;
        this.history.clear();
        this.#table.reset();
        this.#accept(r.progress);
        this.#setState('ready');
        this.#status(`Ready at the seeded start: loss ${fmt(this.history.first!.loss)}.`, true);
        this.#editing = { inFlight: false, pending: null };
        this.#units = r.progress.units ?? null;
        const draw = this.querySelector<HTMLButtonElement>('[data-action="draw"]');
        if (draw) draw.disabled = false;
        if (this.#settings.target === 'drawn' && this.#settings.drawn === '' && !this.#drawing) {
          // (A message about the link's settings stays: it says why the drawing is missing.)
          if (this.#q('[data-role="message"]').hidden) this.#message('Draw your target on the chart: press and drag across it, or use the arrow keys. Training starts from the seeded start each time you lift the pointer.', 'notice');
          void this.#toggleDrawing(true);
        }
        this.#serveWaiters();
        return;
      case 'edited': {
        this.#editing.inFlight = false;
        // A later edit is waiting: send it, and show only where the last one lands.
        const next = this.#editing.pending;
        if (next) {
          this.#editing.pending = null;
          this.#sendEdit(next);
          return;
        }
        if (r.progress.curves) this.#curves = r.progress.curves;
        this.#units = r.progress.units ?? this.#units;
        this.dataset.editedLoss = String(r.loss);
        this.#status(`Moved by hand: loss now ${fmt(r.loss)}. Play trains on from here.`, true);
        this.#queueDraw();
        return;
      }
      case 'progress':
        this.#accept(r.progress);
        return;
      case 'stopped':
        if (this.dataset.state === 'running' || r.reason === 'done') this.#setState(r.reason === 'paused' ? 'paused' : 'ready');
        this.#status(
          this.#hand
            ? `Try ${this.#step}: loss ${fmt(this.history.last!.loss)}.`
            : `${r.reason === 'paused' ? 'Paused' : 'Stopped'} at step ${this.#step}: loss ${fmt(this.history.last!.loss)}.`,
          true,
        );
        if (r.reason === 'done') this.#serveWaiters();
        // The step log skips some draws while running: bring it up to the last step.
        this.#queueDraw();
        return;
      case 'diverged':
        this.#setState('diverged');
        this.#message(r.message, 'error');
        this.#status(r.message, true);
        this.#rejectWaiters(r.message);
        return;
      case 'error':
        this.#setState('error');
        if (r.noWorker) {
          // Nothing runs; the way on is the page's own thread.
          this.#client?.terminate();
          this.#client = null;
        }
        this.#message(
          r.noWorker
            ? `${r.message}, so this demo can't train in the background. It can train on this page instead, on the CPU backend: the numbers are the same, but the page may scroll less smoothly while it trains.`
            : r.message,
          'error',
          r.noWorker ? 'in-page' : 'defaults',
        );
        this.#status(r.message, true);
        this.#rejectWaiters(r.message);
        if (r.contextLost) this.dataset.contextLost = 'true';
        return;
    }
  }

  #accept(p: Progress): void {
    this.history.push(p.rows);
    if (p.curves) this.#curves = p.curves;
    if (p.units) this.#units = p.units;
    if (p.rows.length) this.#msPerStep = p.msPerStep;
    const last = this.history.last;
    if (last) {
      this.dataset.step = String(last.step);
      this.dataset.loss = String(last.loss);
    }
    this.dataset.tensors = String(p.numTensors);
    this.#waiters = this.#waiters.filter((w) => {
      const row = this.history.at(w.step) ?? p.rows.find((r) => r.step === w.step);
      if (row) w.resolve(row);
      return !row;
    });
    // The rows ride along, so a listener sees every step, kept in the history or not.
    this.dispatchEvent(new CustomEvent('nn-progress', { detail: { step: last?.step, loss: last?.loss, rows: p.rows } }));
    if (this.dataset.state === 'running' && performance.now() - this.#lastStatus > STATUS_EVERY_MS) {
      this.#status(`Training: step ${last?.step}, loss ${fmt(last?.loss ?? NaN)}.`);
    }
    this.#queueDraw();
  }

  /** Someone is waiting for a later step (a claim, or runTo while a run was ending): train on to it. */
  #serveWaiters(): void {
    if (this.#waiters.length === 0 || this.dataset.state !== 'ready') return;
    this.#run(Math.max(...this.#waiters.map((w) => w.step)) - this.#step);
  }

  #rejectWaiters(reason: string): void {
    this.#waiters.forEach((w) => w.reject(new Error(reason)));
    this.#waiters = [];
  }

  #run(steps: number): void {
    if (steps <= 0) return;
    this.#setState('running');
    this.#client?.send({ type: 'run', steps });
  }

  #reset(): void {
    this.#rejectWaiters('the demo was reset');
    this.#message(null);
    this.#autoPaused = false;
    if (this.dataset.state === 'error' || !this.#client) {
      // A lost context or a failed worker: start afresh with a new one.
      this.#client?.terminate();
      this.#client = null;
      delete this.dataset.contextLost;
      this.#start();
      return;
    }
    this.#setState('loading');
    this.#client.send({ type: 'reset', settings: this.#trainSettings() });
  }

  #restartWorker(): void {
    this.#rejectWaiters('the backend changed');
    this.#client?.terminate();
    this.#client = null;
    this.#message(null);
    this.#start();
  }

  #wireControls(): void {
    this.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'step') this.#run(1);
      else if (action === 'play') {
        if (this.dataset.state === 'running') this.#client?.send({ type: 'pause' });
        else this.#run(Number.POSITIVE_INFINITY);
      } else if (action === 'reset') {
        if (this.#hand) {
          // Back to the start: the sliders return to where the chapter begins.
          this.#settings = { ...defaults(this.#config.settings), backend: this.#settings.backend! };
          this.#syncControls();
          this.#writeUrl();
        }
        this.#reset();
      }
      else if (action === 'copy-link') void this.#copyLink();
      else if (action === 'in-page') {
        this.#inPage = true;
        this.#settings.backend = 'cpu';
        this.#syncControls();
        this.#writeUrl();
        this.#restartWorker();
      }
      else if (action === 'reset-defaults') {
        this.#settings = defaults(this.#specs);
        this.#syncControls();
        this.#writeUrl();
        this.#restartWorker();
      }
    });
    for (const spec of this.#config.settings) {
      if (spec.kind === 'series') continue;
      const field = this.#q(`[data-setting="${spec.key}"]`);
      const value = field.querySelector<HTMLInputElement | HTMLSelectElement>('[data-role="value"]')!;
      const slider = field.querySelector<HTMLInputElement>('[data-role="slider"]');
      slider?.addEventListener('input', () => {
        const v = slider.dataset.scale === 'log' ? Number((10 ** Number(slider.value)).toPrecision(3)) : Number(slider.value);
        value.value = String(v);
        this.#change(spec, String(v), value);
      });
      value.addEventListener('change', () => {
        const raw = value instanceof HTMLInputElement && value.type === 'checkbox' ? (value.checked ? '1' : '0') : value.value;
        this.#change(spec, raw, value);
      });
    }
    this.#q<HTMLSelectElement>('[data-role="backend"]').addEventListener('change', (e) => {
      this.#settings.backend = (e.target as HTMLSelectElement).value;
      this.#writeUrl();
      this.#restartWorker();
    });
    this.#q<HTMLInputElement>('[data-role="log-scale"]').addEventListener('change', () => this.#draw());
  }

  /** A control changed: check it, apply it live or restart from the seeded start. */
  #change(spec: SettingSpec, raw: string, input: HTMLElement): void {
    const parsed = parseSetting(spec, raw);
    if ('error' in parsed) {
      input.setAttribute('aria-invalid', 'true');
      this.#message(`${parsed.error}. Keeping ${String(this.#settings[spec.key])}.`, 'notice');
      return;
    }
    input.removeAttribute('aria-invalid');
    this.#message(null);
    this.#settings[spec.key] = parsed.value;
    this.#syncControls();
    this.#writeUrl();
    if (this.#config.live.includes(spec.key)) {
      if (this.#step > 0) this.#mixed = true;
      this.#client?.send({ type: 'update', settings: { [spec.key]: parsed.value } });
      if (this.#hand && this.dataset.state !== 'loading') this.#run(1);
    } else if (this.#client) {
      this.#reset();
    }
  }

  #syncControls(): void {
    for (const spec of this.#config.settings) {
      if (spec.kind === 'series') continue;
      const field = this.#q(`[data-setting="${spec.key}"]`);
      const input = field.querySelector<HTMLInputElement | HTMLSelectElement>('[data-role="value"]')!;
      const v = this.#settings[spec.key]!;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(v);
      else input.value = String(v);
      const slider = field.querySelector<HTMLInputElement>('[data-role="slider"]');
      if (slider) slider.value = String(slider.dataset.scale === 'log' ? Math.log10(Number(v)) : v);
    }
    this.#q<HTMLSelectElement>('[data-role="backend"]').value = String(this.#settings.backend);
  }

  #writeUrl(): void {
    const query = settingsToQuery(this.#specs, this.#settings, new URLSearchParams(location.search), this.id);
    const search = query.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }

  async #copyLink(): Promise<void> {
    this.#writeUrl();
    const url = new URL(location.href);
    url.hash = this.id;
    try {
      await navigator.clipboard.writeText(url.href);
      this.#status('Link copied: it opens this demo with these settings.', true);
    } catch {
      this.#message(`Copying was blocked by the browser; here is the link: ${url.href}`, 'notice');
    }
  }

  /** Kink handles and the drawing layer, where the demo has them. */
  #wireEditing(): void {
    const layer = this.querySelector<HTMLElement>('[data-role="layer"]');
    if (!layer) return;
    const figure = () => this.#q('[data-role="fit-chart"]').firstElementChild;
    this.#kinks = new KinkHandles(layer, figure, (edit) => this.#editUnit(edit));
    const reach = () => {
      if (this.#wantsHandles) return;
      this.#wantsHandles = true;
      this.#queueDraw();
    };
    this.#q('.nn-demo__stage').addEventListener('pointerenter', reach);
    this.#q('.nn-demo__stage').addEventListener('touchstart', reach, { passive: true });
    this.addEventListener('focusin', reach);
    const series = this.#config.settings.find((s) => s.kind === 'series');
    if (!series) return;
    this.#drawer = new CurveDrawer(layer, figure, DRAW_RANGE, (ys) => this.#commitDrawing(series.key, ys));
    this.querySelector('[data-action="draw"]')?.addEventListener('click', () => void this.#toggleDrawing(!this.#drawing));
    layer.addEventListener('keydown', (e) => {
      if (this.#drawing && (e.key === 'Escape' || e.key === 'Enter')) {
        e.preventDefault();
        void this.#toggleDrawing(false);
        this.querySelector<HTMLElement>('[data-action="draw"]')?.focus();
      }
    });
  }

  /** A kink was moved: training pauses, and the worker applies the edit (one at a time; the latest waits). */
  #editUnit(edit: UnitEdit): void {
    const state = this.dataset.state;
    if (state === 'running') this.#client?.send({ type: 'pause' });
    else if (state !== 'ready' && state !== 'paused') return;
    if (this.#editing.inFlight) this.#editing.pending = edit;
    else this.#sendEdit(edit);
  }

  #sendEdit(edit: UnitEdit): void {
    this.#editing.inFlight = true;
    this.#client?.send({ type: 'edit', edit });
  }

  /** Turns drawing on (the chart shows the whole drawable range; the layer takes pointer and keys) or off. */
  async #toggleDrawing(on: boolean): Promise<void> {
    this.#drawing = on;
    this.dataset.drawing = String(on);
    const button = this.querySelector<HTMLButtonElement>('[data-action="draw"]');
    if (button) {
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? 'Done drawing' : 'Draw a target';
    }
    const help = this.querySelector('[data-role="edit-help"]');
    if (help) {
      help.textContent = on
        ? 'Press and drag across the chart to draw, or use the keyboard: left and right pick a point, up and down move it (Shift: faster). Enter or Escape ends drawing.'
        : 'Drag a kink (○) sideways to move it, up or down to change how much its unit adds. Keyboard: Tab to a kink, arrows move it, Page Up and Page Down pick another unit.';
    }
    if (!on) {
      this.#drawer?.end();
      this.#redrawAll = true;
      this.#draw();
      return;
    }
    this.#kinks?.clear();
    await this.#loadPlot();
    this.#redrawAll = true;
    this.#draw();
    const meta = this.#meta;
    if (meta && this.#drawing) this.#drawer?.begin(meta.data.x, meta.data.y);
  }

  /** A stroke ended: the drawing becomes the target, and training restarts from the seeded start. */
  #commitDrawing(key: string, ys: number[]): void {
    this.#settings.target = 'drawn';
    this.#settings[key] = formatSeries(ys);
    this.#message(null);
    this.#syncControls();
    this.#writeUrl();
    this.#reset();
  }

  #loadPlot(): Promise<void> {
    this.#plotLoading ??= import('../../src/plot').then((loaded) => {
      this.#plot = loaded;
    });
    return this.#plotLoading;
  }

  #visibilityChanged(): void {
    if (document.visibilityState === 'hidden') this.#autoPause();
    else this.#autoResume();
  }

  #nearness(near: boolean): void {
    if (near) this.#autoResume();
    else this.#autoPause();
  }

  #autoPause(): void {
    if (this.dataset.state !== 'running') return;
    this.#autoPaused = true;
    this.#client?.send({ type: 'pause' });
  }

  #autoResume(): void {
    if (!this.#autoPaused || document.visibilityState === 'hidden') return;
    this.#autoPaused = false;
    if (this.dataset.state === 'paused') this.#run(Number.POSITIVE_INFINITY);
  }

  /**
   * Shows (or, with null, hides) the message box: errors as alerts, notices as notes. Its
   * way on is "Use the default settings", or for `in-page` "Train on this page".
   */
  #message(text: string | null, kind: 'error' | 'notice' = 'error', way: 'defaults' | 'in-page' = 'defaults'): void {
    const box = this.#q('[data-role="message"]');
    box.hidden = text === null;
    box.dataset.kind = kind;
    this.#q('[data-action="reset-defaults"]').hidden = way !== 'defaults';
    this.#q('[data-action="in-page"]').hidden = way !== 'in-page';
    this.#q('[data-role="message-text"]').textContent = text ?? '';
  }

  /** The status line is announced to screen readers: only on changes, and every few seconds while training. */
  #status(text: string, force = false): void {
    if (!force && performance.now() - this.#lastStatus < STATUS_EVERY_MS) return;
    this.#lastStatus = performance.now();
    this.#q('[data-role="status"]').textContent = text;
  }

  #badge(): void {
    const backend = this.dataset.backend as BackendName | undefined;
    if (!backend) return;
    const ms = this.#msPerStep ? ` · ${this.#msPerStep < 1 ? this.#msPerStep.toFixed(2) : this.#msPerStep.toFixed(1)} ms/step` : '';
    this.#q('[data-role="badge"]').textContent = `${BACKEND_LABEL[backend]}${this.#inPage ? ' on this page' : ''}${ms}`;
  }

  #queueDraw(): void {
    if (this.#drawQueued) return;
    this.#drawQueued = true;
    // A few redraws a second keep the page smooth while the worker streams; with reduced
    // motion, fewer still.
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    setTimeout(() => requestAnimationFrame(() => {
      this.#drawQueued = false;
      this.#draw();
    }), reduced ? DRAW_EVERY_MS_REDUCED : DRAW_EVERY_MS);
  }

  /**
   * Brings the log and charts up to date. Where a chart's scales still fit, only its lines
   * move (microseconds); otherwise it is drawn anew, the loss chart a frame after the fit
   * chart, so no single task holds the page up for long.
   */
  #draw(): void {
    // Text the reader sees changes here, a few times a second, not on every report: each
    // change repaints, and a fast backend reports 30 times a second.
    this.#badge();
    const now = this.querySelector('[data-role="loss-now"]');
    const last = this.history.last;
    if (now && last) now.textContent = fmt(last.loss);
    if (this.dataset.state !== 'running' || performance.now() - this.#tableDrawn >= TABLE_EVERY_MS) {
      this.#tableDrawn = performance.now();
      this.#table.draw(this.history.latest(LOG_ROWS_SHOWN));
    }
    const meta = this.#meta;
    // Until the first run moves, the build-time preview already shows it: Plot isn't even
    // loaded. Demos with handles to drag need the live chart (its scales) once the reader
    // reaches for the chart (pointer over it, or focus inside the demo).
    if (this.#starts <= 1 && this.#step === 0 && !(meta?.editable && this.#wantsHandles) && !this.#drawing) return;
    const plot = this.#plot;
    if (!plot) {
      void this.#loadPlot().then(() => this.#draw());
      return;
    }
    const rows = this.history.rows();
    if (!meta || rows.length === 0) return;
    const fit = this.#q('[data-role="fit-chart"]');
    const width = Math.max(320, Math.round(fit.clientWidth || 640));
    const fitFigure = fit.firstElementChild;
    const sameWidth = fitFigure?.getAttribute('width') === String(width) && !this.#redrawAll;
    this.#redrawAll = false;
    if (meta.surface) {
      // Two heat maps of a few hundred cells: drawn anew each time (a few milliseconds).
      fit.replaceChildren(plot.surfaceChart({ ...meta.surface, prediction: this.#curves?.[0] ?? null, units: this.#units ?? [], width }));
    } else if (!(sameWidth && fitFigure && this.#curves && plot.updateFitCurves(fitFigure, meta.grid, this.#curves))) {
      const yDomain = this.#drawing ? DRAW_DOMAIN : meta.yDomain;
      fit.replaceChildren(plot.fitChart({ data: meta.data, grid: meta.grid, curves: this.#curves, unitNames: meta.unitNames, yDomain, axes: meta.axes, width }));
    }
    if (meta.editable && this.#units && this.#curves && !this.#drawing) this.#kinks?.update(this.#units, meta.grid, this.#curves[0]!);
    // Test hook: the step the live fit chart shows (absent while the build-time preview stands).
    this.dataset.drawnStep = String(this.#step);
    const lossBox = this.#q('[data-role="loss-chart"]');
    const log = this.#q<HTMLInputElement>('[data-role="log-scale"]').checked;
    const lossFigure = lossBox.firstElementChild as HTMLElement | null;
    if (lossFigure?.getAttribute('width') === String(width) && plot.updateLossChart(lossFigure, rows, log)) return;
    const series = meta.lossSeries?.map(({ label, column }) => ({ name: label, rows: lossSeriesRows(rows, meta.paramNames, column) }));
    requestAnimationFrame(() => lossBox.replaceChildren(plot.lossChart({ rows, log, width, xLabel: this.#hand ? 'try' : 'step', series })));
  }
}

if (!customElements.get('nn-fit-demo')) customElements.define('nn-fit-demo', NnFitDemo);
