/**
 * <nn-fit-demo>: the live side of FitDemo.astro. It wires the page's markup to a
 * DemoController (src/demo/controller.ts, which holds the state and talks to the trainer)
 * through three views: the settings panel, the charts with their editing overlay, and the
 * step log. Test hooks are attributes it writes: data-state, data-backend, data-step,
 * data-loss, data-tensors, data-edited-loss, data-drawn-step, data-drawing, data-context-lost.
 */
import { DemoController, type DemoEvent, type DemoMessage, type DemoState } from '../../src/demo/controller';
import { formatNumber as fmt } from '../../src/demo/format';
import { BACKEND_LABELS } from '../../src/nn/tf';
import { InPageTrainer, TrainerClient } from '../../src/train/client';
import type { StepRow } from '../../src/train/session';
import { formatSeries, unknownDemoIds, type Settings, type SettingsSpec } from '../../src/train/settings';
import { ChartOverlay } from './chart-overlay';
import { DemoCharts } from './charts';
import { SettingsPanel } from './settings-panel';
import { StepLogTable } from './step-log';

const LOG_ROWS_SHOWN = 100;
/** While training, charts and the log redraw at most this often (reduced motion: far less). */
const DRAW_EVERY_MS = 100;
const DRAW_EVERY_MS_REDUCED = 500;
/** While training, the step log takes in new rows at most this often (it shows the latest 100). */
const TABLE_EVERY_MS = 250;
const DRAW_HINT = 'Draw your target on the chart: press and drag across it, or use the arrow keys. Training starts from the seeded start each time you lift the pointer.';

export class NnFitDemo extends HTMLElement {
  #c!: DemoController;
  #panel!: SettingsPanel;
  #charts!: DemoCharts;
  #table!: StepLogTable;
  #overlay: ChartOverlay | null = null;
  #observers: IntersectionObserver[] = [];
  #near = false;
  #drawQueued = false;
  #tableDrawn = 0;
  #onVisibility = () => this.#visibility();

  // What claims, exercises and tests ask of a demo: the controller answers.
  runWith = (settings: Settings, step?: number): Promise<StepRow> => this.#c.runWith(settings, step);
  runTo = (step: number): Promise<StepRow> => this.#c.runTo(step);
  rowAt = (step: number): StepRow | undefined => this.#c.record.history.at(step);
  /** The run's log rows, in step order: every row of a short run; first, thinned and latest rows of a long one. */
  get log(): readonly StepRow[] {
    return this.#c.record.history.rows();
  }
  /** Names of the log's columns after the loss (empty until the trainer is ready). */
  get columnNames(): string[] {
    return this.#c.record.view?.columnNames ?? [];
  }
  get usesDefaults(): boolean {
    return this.#c.settings.usesDefaults;
  }

  connectedCallback(): void {
    const config = JSON.parse(this.#q('[data-role="config"]').textContent ?? '{}') as { experiment: string; settings: SettingsSpec };
    this.#c = new DemoController({
      id: this.id,
      experiment: config.experiment,
      spec: config.settings,
      hand: this.dataset.mode === 'hand',
      query: new URLSearchParams(location.search),
      makeTrainer: (onReport, inPage) => (inPage ? new InPageTrainer(onReport) : new TrainerClient(onReport)),
      emit: (e) => this.#on(e),
    });
    this.#panel = new SettingsPanel(this, this.#c);
    this.#table = new StepLogTable(this.#q('[data-role="log"]'), this.#q('[data-role="log-scroll"]'), LOG_ROWS_SHOWN);
    const layer = this.querySelector<HTMLElement>('[data-role="layer"]');
    if (layer) this.#overlay = this.#makeOverlay(layer);
    this.#charts = new DemoCharts(this, this.#c, this.#overlay);
    this.#panel.sync();
    this.#linkErrors();
    this.#wire();
    // Start when the demo comes within a quarter screen of the viewport (not during page load);
    // pause when it is far off screen, or the tab hidden, and resume when it comes back.
    const near = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this.#c.start(), { rootMargin: '25% 0px' });
    const far = new IntersectionObserver((es) => {
      this.#near = es.some((e) => e.isIntersecting);
      this.#visibility();
    }, { rootMargin: '50% 0px' });
    near.observe(this);
    far.observe(this);
    this.#observers = [near, far];
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  disconnectedCallback(): void {
    this.#observers.forEach((o) => o.disconnect());
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#c.dispose();
  }

  #q<T extends HTMLElement = HTMLElement>(sel: string): T {
    const el = this.querySelector<T>(sel);
    if (!el) throw new Error(`nn-fit-demo: missing ${sel}`);
    return el;
  }

  #visibility(): void {
    this.#c.setVisible(this.#near && document.visibilityState !== 'hidden');
  }

  /** The link's settings that could not be used; the page's first demo also names demos the link mentions that this page lacks. */
  #linkErrors(): void {
    const errors = [...this.#c.settings.urlErrors];
    const ids = [...document.querySelectorAll('nn-fit-demo')].map((d) => d.id);
    const unknown = ids[0] === this.id ? unknownDemoIds(new URLSearchParams(location.search), ids) : [];
    if (unknown.length) errors.push(`this page has no demo ${unknown.join(' or ')} (its demos: ${ids.join(', ')})`);
    if (errors.length) this.#message({ text: `This link's settings could not all be used (the defaults stand in for these): ${errors.join('; ')}.`, kind: 'notice', way: 'defaults' });
  }

  #wire(): void {
    const c = this.#c;
    const actions: Record<string, () => void> = {
      step: () => c.run(1),
      play: () => (c.state === 'running' ? c.pause() : c.run(Number.POSITIVE_INFINITY)),
      reset: () => c.reset(),
      'copy-link': () => void this.#copyLink(),
      'in-page': () => c.trainInPage(),
      'reset-defaults': () => c.useDefaults(),
    };
    this.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action) actions[action]?.();
    });
    this.#q<HTMLButtonElement>('[data-action="copy-link"]').disabled = false;
    this.#q<HTMLInputElement>('[data-role="log-scale"]').addEventListener('change', () => this.#draw());
    if (!this.#overlay) return;
    const reach = () => this.#charts.reach() && this.#queueDraw();
    const stage = this.#q('.nn-demo__stage');
    stage.addEventListener('pointerenter', reach);
    stage.addEventListener('touchstart', reach, { passive: true });
    this.addEventListener('focusin', reach);
  }

  #makeOverlay(layer: HTMLElement): ChartOverlay {
    return new ChartOverlay(this, layer, {
      figure: () => this.#q('[data-role="fit-chart"]').firstElementChild,
      edit: (edit) => this.#c.edit(edit),
      drawn: (ys) => this.#c.setDrawing(formatSeries(ys)),
      target: () => this.#c.record.view?.data ?? null,
      drawingChanged: async (on) => {
        if (on) await this.#charts.loadPlot();
        this.#charts.redrawAll();
        this.#draw();
      },
    });
  }

  #on(e: DemoEvent): void {
    switch (e.type) {
      case 'state':
        return this.#state(e.state);
      case 'settings':
        this.#panel.sync();
        history.replaceState(history.state, '', `${location.pathname}${e.query.size ? `?${e.query}` : ''}${location.hash}`);
        return;
      case 'message':
        return this.#message(e.message);
      case 'status':
        this.#q('[data-role="status"]').textContent = e.text;
        return;
      case 'backend':
        this.dataset.backend = e.backend;
        this.#panel.showBackend(e.backend);
        return this.#badge();
      case 'start':
        this.#table.reset();
        this.#charts.redrawAll();
        this.#overlay?.enableDrawing();
        if (e.drawTarget && this.#overlay && !this.#overlay.drawing) {
          // (A message about the link's settings stays: it says why the drawing is missing.)
          if (this.#q('[data-role="message"]').hidden) this.#message({ text: DRAW_HINT, kind: 'notice', way: 'defaults' });
          void this.#overlay.setDrawing(true);
        }
        return;
      case 'progress': {
        const last = this.#c.record.history.last;
        if (last) Object.assign(this.dataset, { step: String(last.step), loss: String(last.loss) });
        this.dataset.tensors = String(this.#c.record.numTensors);
        // The rows ride along, so a listener sees every step, kept in the history or not.
        this.dispatchEvent(new CustomEvent('nn-progress', { detail: { step: last?.step, loss: last?.loss, rows: e.rows } }));
        return this.#queueDraw();
      }
      case 'edited':
        this.dataset.editedLoss = String(e.loss);
        return this.#queueDraw();
      case 'stopped':
        // The step log skips some draws while running: bring it up to the last step.
        return this.#queueDraw();
    }
  }

  #state(state: DemoState): void {
    this.dataset.state = state;
    if (this.#c.contextLost) this.dataset.contextLost = 'true';
    else delete this.dataset.contextLost;
    const running = state === 'running';
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = running ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(running));
      play.disabled = !this.#c.usable;
    }
    const step = this.querySelector<HTMLButtonElement>('[data-action="step"]');
    if (step) step.disabled = !this.#c.usable || running;
    this.#q<HTMLButtonElement>('[data-action="reset"]').disabled = state === 'idle' || state === 'loading';
  }

  /** Shows (or, with null, hides) the message box, with its way on: the defaults, or training on this page. */
  #message(m: DemoMessage | null): void {
    const box = this.#q('[data-role="message"]');
    box.hidden = m === null;
    box.dataset.kind = m?.kind ?? 'error';
    this.#q('[data-action="reset-defaults"]').hidden = (m?.way ?? 'defaults') !== 'defaults';
    this.#q('[data-action="in-page"]').hidden = m?.way !== 'in-page';
    this.#q('[data-role="message-text"]').textContent = m?.text ?? '';
  }

  async #copyLink(): Promise<void> {
    const url = new URL(location.href);
    url.hash = this.id;
    try {
      await navigator.clipboard.writeText(url.href);
      this.#q('[data-role="status"]').textContent = 'Link copied: it opens this demo with these settings.';
    } catch {
      this.#message({ text: `Copying was blocked by the browser; here is the link: ${url.href}`, kind: 'notice', way: 'defaults' });
    }
  }

  #badge(): void {
    const backend = this.#c.runningOn;
    if (!backend) return;
    const ms = this.#c.record.msPerStep;
    const pace = ms ? ` · ${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms/step` : '';
    this.#q('[data-role="badge"]').textContent = `${BACKEND_LABELS[backend].label}${this.#c.inPage ? ' on this page' : ''}${pace}`;
  }

  /** A few redraws a second keep the page smooth while the trainer streams; with reduced motion, fewer still. */
  #queueDraw(): void {
    if (this.#drawQueued) return;
    this.#drawQueued = true;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    setTimeout(() => requestAnimationFrame(() => {
      this.#drawQueued = false;
      this.#draw();
    }), reduced ? DRAW_EVERY_MS_REDUCED : DRAW_EVERY_MS);
  }

  /** Text the reader sees changes here, a few times a second, not on every report: each change repaints. */
  #draw(): void {
    this.#badge();
    const now = this.querySelector('[data-role="loss-now"]');
    const last = this.#c.record.history.last;
    if (now && last) now.textContent = fmt(last.loss);
    if (this.#c.state !== 'running' || performance.now() - this.#tableDrawn >= TABLE_EVERY_MS) {
      this.#tableDrawn = performance.now();
      this.#table.draw(this.#c.record.history.latest(LOG_ROWS_SHOWN));
    }
    this.#charts.draw();
  }
}

if (!customElements.get('nn-fit-demo')) customElements.define('nn-fit-demo', NnFitDemo);
