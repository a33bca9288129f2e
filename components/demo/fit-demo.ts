/**
 * <nn-fit-demo>: the live side of FitDemo.astro. It starts a training worker when it
 * nears the viewport, draws what the worker streams, keeps every setting in the URL, and
 * exposes test hooks as attributes (data-state, data-backend, data-step, data-loss,
 * data-tensors, data-drawn-step).
 */
import type { BackendName } from '../../src/nn/tf';
import type { Progress, StepRow } from '../../src/train/session';
import type { Report, RunMeta } from '../../src/train/protocol';
import { TrainerClient } from '../../src/train/client';
import { defaults, parseSetting, settingsFromQuery, settingsToQuery, type Settings, type SettingSpec } from '../../src/train/settings';
import { formatNumber as fmt, StepLogTable } from './step-log';

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


export class NnFitDemo extends HTMLElement {
  /** Every step's row since the last reset: what claims and tests read. */
  log: StepRow[] = [];
  #config!: Config;
  #specs: SettingSpec[] = [];
  #settings: Settings = {};
  #client: TrainerClient | null = null;
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
  #autoPaused = false;
  #waiters: { step: number; resolve: (row: StepRow) => void; reject: (e: Error) => void }[] = [];
  #observers: IntersectionObserver[] = [];
  #onVisibility = () => this.#visibilityChanged();

  connectedCallback(): void {
    this.#config = JSON.parse(this.#q('[data-role="config"]').textContent ?? '{}') as Config;
    this.#specs = [...this.#config.settings, BACKEND_SPEC];
    this.#table = new StepLogTable(this.#q('[data-role="log"]'), this.#q('[data-role="log-scroll"]'), LOG_ROWS_SHOWN);
    const { settings, errors } = settingsFromQuery(this.#specs, new URLSearchParams(location.search), this.id);
    this.#settings = settings;
    this.#syncControls();
    if (errors.length) this.#message(`This link's settings could not all be used, so the defaults stand in: ${errors.join('; ')}.`, 'notice');
    this.#wireControls();
    this.#q<HTMLButtonElement>('[data-action="copy-link"]').disabled = false;
    // Start when the demo comes within a screen of the viewport.
    const near = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this.#start(), { rootMargin: '100% 0px' });
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
      this.#client?.send({ type: 'update', settings });
      return this.runTo(target);
    }
    if (step === undefined) return Promise.reject(new Error('a training demo needs a step to run to'));
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

  /** Resolves with the log row of `step`, training until it exists (claims use this). */
  runTo(step: number): Promise<StepRow> {
    const row = this.log[step];
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
    return this.log.at(-1)?.step ?? 0;
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
    this.#client = new TrainerClient((r) => this.#report(r));
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
        this.#meta = r.meta;
        this.#redrawAll = true;
        this.log = [];
        this.#table.reset();
        this.#accept(r.progress);
        this.#setState('ready');
        this.#status(`Ready at the seeded start: loss ${fmt(this.log[0]!.loss)}.`, true);
        this.#serveWaiters();
        return;
      case 'progress':
        this.#accept(r.progress);
        return;
      case 'stopped':
        if (this.dataset.state === 'running' || r.reason === 'done') this.#setState(r.reason === 'paused' ? 'paused' : 'ready');
        this.#status(
          this.#hand
            ? `Try ${this.#step}: loss ${fmt(this.log.at(-1)!.loss)}.`
            : `${r.reason === 'paused' ? 'Paused' : 'Stopped'} at step ${this.#step}: loss ${fmt(this.log.at(-1)!.loss)}.`,
          true,
        );
        if (r.reason === 'done') this.#serveWaiters();
        return;
      case 'diverged':
        this.#setState('diverged');
        this.#message(r.message, 'error');
        this.#status(r.message, true);
        this.#rejectWaiters(r.message);
        return;
      case 'error':
        this.#setState('error');
        this.#message(r.message, 'error');
        this.#status(r.message, true);
        this.#rejectWaiters(r.message);
        if (r.contextLost) this.dataset.contextLost = 'true';
        return;
    }
  }

  #accept(p: Progress): void {
    this.log.push(...p.rows);
    if (p.curves) this.#curves = p.curves;
    if (p.rows.length) this.#msPerStep = p.msPerStep;
    const last = this.log.at(-1);
    if (last) {
      this.dataset.step = String(last.step);
      this.dataset.loss = String(last.loss);
      const now = this.querySelector('[data-role="loss-now"]');
      if (now) now.textContent = fmt(last.loss);
    }
    this.dataset.tensors = String(p.numTensors);
    this.#waiters = this.#waiters.filter((w) => {
      const row = this.log[w.step];
      if (row) w.resolve(row);
      return !row;
    });
    this.dispatchEvent(new CustomEvent('nn-progress', { detail: { step: last?.step, loss: last?.loss } }));
    if (this.dataset.state === 'running' && performance.now() - this.#lastStatus > STATUS_EVERY_MS) {
      this.#status(`Training: step ${last?.step}, loss ${fmt(last?.loss ?? NaN)}.`);
    }
    this.#badge();
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
      // A lost context or a failed worker: start afresh with a new worker.
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
      else if (action === 'reset-defaults') {
        this.#settings = defaults(this.#specs);
        this.#syncControls();
        this.#writeUrl();
        this.#restartWorker();
      }
    });
    for (const spec of this.#config.settings) {
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
      this.#client?.send({ type: 'update', settings: { [spec.key]: parsed.value } });
      if (this.#hand && this.dataset.state !== 'loading') this.#run(1);
    } else if (this.#client) {
      this.#reset();
    }
  }

  #syncControls(): void {
    for (const spec of this.#config.settings) {
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

  /** Shows (or, with null, hides) the message box: errors as alerts, notices as notes. */
  #message(text: string | null, kind: 'error' | 'notice' = 'error'): void {
    const box = this.#q('[data-role="message"]');
    box.hidden = text === null;
    box.dataset.kind = kind;
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
    this.#q('[data-role="badge"]').textContent = `${BACKEND_LABEL[backend]}${ms}`;
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
    this.#table.draw(this.log);
    // Until the first run moves, the build-time preview already shows it: Plot isn't even loaded.
    if (this.#starts <= 1 && this.#step === 0) return;
    const plot = this.#plot;
    if (!plot) {
      this.#plotLoading ??= import('../../src/plot').then((loaded) => {
        this.#plot = loaded;
        this.#draw();
      });
      return;
    }
    const meta = this.#meta;
    if (!meta || this.log.length === 0) return;
    const fit = this.#q('[data-role="fit-chart"]');
    const width = Math.max(320, Math.round(fit.clientWidth || 640));
    const fitFigure = fit.firstElementChild;
    const sameWidth = fitFigure?.getAttribute('width') === String(width) && !this.#redrawAll;
    this.#redrawAll = false;
    if (!(sameWidth && fitFigure && this.#curves && plot.updateFitCurves(fitFigure, meta.grid, this.#curves))) {
      fit.replaceChildren(plot.fitChart({ data: meta.data, grid: meta.grid, curves: this.#curves, unitNames: meta.unitNames, width }));
    }
    // Test hook: the step the live fit chart shows (absent while the build-time preview stands).
    this.dataset.drawnStep = String(this.#step);
    const lossBox = this.#q('[data-role="loss-chart"]');
    const log = this.#q<HTMLInputElement>('[data-role="log-scale"]').checked;
    const lossFigure = lossBox.firstElementChild as HTMLElement | null;
    if (lossFigure?.getAttribute('width') === String(width) && plot.updateLossChart(lossFigure, this.log, log)) return;
    requestAnimationFrame(() => lossBox.replaceChildren(plot.lossChart({ rows: this.log, log, width, xLabel: this.#hand ? 'try' : 'step' })));
  }
}

if (!customElements.get('nn-fit-demo')) customElements.define('nn-fit-demo', NnFitDemo);
