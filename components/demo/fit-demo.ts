/**
 * <nn-fit-demo>: the live side of FitDemo.astro. It wires the page's markup to a
 * DemoController (src/demo/controller.ts, which holds the state and talks to the trainer)
 * through its views: the settings panel, the charts with their editing overlay, the step
 * log, and the chrome around them. Test hooks are attributes written here: data-state,
 * data-backend, data-step, data-loss, data-tensors, data-edited-loss, data-context-lost
 * (and, from the views, data-drawn-step and data-drawing).
 */
import { DemoController } from '../../src/demo/controller';
import type { DemoEvent } from '../../src/demo/states';
import { formatNumber as fmt } from '../../src/demo/format';
import { InPageTrainer, TrainerClient } from '../../src/train/client';
import type { StepRow } from '../../src/train/training-run';
import { formatSeries, type Settings, type SettingsSpec } from '../../src/train/settings';
import { ChartOverlay } from './chart-overlay';
import { DemoCharts } from './charts';
import { DemoChrome } from './demo-chrome';
import { SettingsPanel } from './settings-panel';
import { StepLogTable } from './step-log';

const LOG_ROWS_SHOWN = 100;
/** While training, charts and the log redraw at most this often (reduced motion: far less). */
const DRAW_EVERY_MS = 100;
const DRAW_EVERY_MS_REDUCED = 500;
/** While training, the step log takes in new rows at most this often (it shows the latest 100). */
const TABLE_EVERY_MS = 250;
const DRAW_HINT =
  'Draw your target on the chart: press and drag across it, or use the arrow keys. Training starts from the seeded start each time you lift the pointer.';

export class NnFitDemo extends HTMLElement {
  #c!: DemoController;
  #panel!: SettingsPanel;
  #charts!: DemoCharts;
  #chrome!: DemoChrome;
  #table!: StepLogTable;
  #overlay: ChartOverlay | null = null;
  #observers: IntersectionObserver[] = [];
  #drawQueued = false;
  #tableDrawn = 0;
  /** A hidden tab pauses a run, and showing it again resumes one paused so (as coming back on screen does). */
  #onVisibility = () => this.#c.setVisible(document.visibilityState !== 'hidden');

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
    const config = JSON.parse(this.querySelector('[data-role="config"]')?.textContent ?? '{}') as { experiment: string; settings: SettingsSpec };
    const query = new URLSearchParams(location.search);
    this.#c = new DemoController({
      id: this.id,
      experiment: config.experiment,
      spec: config.settings,
      hand: this.dataset.mode === 'hand',
      query,
      makeTrainer: (onReport, inPage) => (inPage ? new InPageTrainer(onReport) : new TrainerClient(onReport)),
      emit: (e) => this.#on(e),
    });
    this.#chrome = new DemoChrome(this);
    this.#panel = new SettingsPanel(this, this.#c);
    this.#table = new StepLogTable(this.querySelector('[data-role="log"]')!, this.querySelector('[data-role="log-scroll"]')!, LOG_ROWS_SHOWN);
    const layer = this.querySelector<HTMLElement>('[data-role="layer"]');
    if (layer) this.#overlay = this.#makeOverlay(layer);
    this.#charts = new DemoCharts(this, this.#c, this.#overlay);
    this.#panel.sync();
    // The page's first demo also names demos the link mentions that the page lacks.
    const demos = [...document.querySelectorAll('nn-fit-demo')].map((d) => d.id);
    const notice = this.#c.settings.linkNotice(query, demos[0] === this.id ? demos : []);
    if (notice) this.#chrome.message({ text: notice, kind: 'notice', way: 'defaults' });
    this.#wire();
  }

  disconnectedCallback(): void {
    this.#observers.forEach((o) => o.disconnect());
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#c.dispose();
  }

  #wire(): void {
    const c = this.#c;
    const actions: Record<string, () => void> = {
      step: () => c.run(1),
      play: () => (c.state === 'running' ? c.pause() : c.run(Number.POSITIVE_INFINITY)),
      reset: () => c.reset(),
      'copy-link': () => void this.#chrome.copyLink(),
      'in-page': () => c.trainInPage(),
      'reset-defaults': () => c.useDefaults(),
    };
    this.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action) actions[action]?.();
    });
    this.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.disabled = false;
    this.querySelector('[data-role="log-scale"]')!.addEventListener('change', () => this.#draw());
    // Start when the demo comes within a quarter screen of the viewport (not during page load);
    // pause when it is far off screen, or the tab hidden, and resume when it comes back.
    const near = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && c.start(), { rootMargin: '25% 0px' });
    const far = new IntersectionObserver((es) => c.setVisible(es.some((e) => e.isIntersecting)), { rootMargin: '50% 0px' });
    near.observe(this);
    far.observe(this);
    this.#observers = [near, far];
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (!this.#overlay) return;
    const reach = () => this.#charts.reach() && this.#queueDraw();
    const stage = this.querySelector('.if-demo__stage')!;
    stage.addEventListener('pointerenter', reach);
    stage.addEventListener('touchstart', reach, { passive: true });
    this.addEventListener('focusin', reach);
  }

  #makeOverlay(layer: HTMLElement): ChartOverlay {
    return new ChartOverlay(this, layer, {
      figure: () => this.querySelector('[data-role="fit-chart"]')!.firstElementChild,
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
        this.dataset.state = e.state;
        if (this.#c.link.contextLost) this.dataset.contextLost = 'true';
        else delete this.dataset.contextLost;
        return this.#chrome.state(e.state, this.#c.usable);
      case 'settings':
        this.#panel.sync();
        history.replaceState(history.state, '', `${location.pathname}${e.query.size ? `?${e.query}` : ''}${location.hash}`);
        return;
      case 'message':
        return this.#chrome.message(e.message);
      case 'status':
        return this.#chrome.status(e.text);
      case 'backend':
        this.dataset.backend = e.backend;
        this.#panel.showBackend(e.backend);
        return this.#chrome.badge(e.backend, this.#c.link.inPage, this.#c.record.msPerStep);
      case 'start':
        this.#table.reset();
        this.#charts.redrawAll();
        this.#overlay?.enableDrawing();
        if (e.drawTarget && this.#overlay && !this.#overlay.drawing) {
          // (A message about the link's settings stays: it says why the drawing is missing.)
          if (!this.#chrome.messageShown) this.#chrome.message({ text: DRAW_HINT, kind: 'notice', way: 'defaults' });
          void this.#overlay.setDrawing(true);
        }
        return;
      case 'progress': {
        const r = this.#c.record;
        const last = r.history.last;
        if (last) Object.assign(this.dataset, { step: String(last.step), loss: String(last.loss) });
        this.dataset.tensors = String(r.numTensors);
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

  /** A few redraws a second keep the page smooth while the trainer streams; with reduced motion, fewer still. */
  #queueDraw(): void {
    if (this.#drawQueued) return;
    this.#drawQueued = true;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const draw = () => {
      this.#drawQueued = false;
      this.#draw();
    };
    setTimeout(() => requestAnimationFrame(draw), reduced ? DRAW_EVERY_MS_REDUCED : DRAW_EVERY_MS);
  }

  /** Text the reader sees changes here, a few times a second, not on every report: each change repaints. */
  #draw(): void {
    const r = this.#c.record;
    this.#chrome.badge(this.#c.link.runningOn, this.#c.link.inPage, r.msPerStep);
    const now = this.querySelector('[data-role="loss-now"]');
    const last = r.history.last;
    if (now && last) now.textContent = fmt(last.loss);
    if (this.#c.state !== 'running' || performance.now() - this.#tableDrawn >= TABLE_EVERY_MS) {
      this.#tableDrawn = performance.now();
      this.#table.draw(r.history.latest(LOG_ROWS_SHOWN));
    }
    this.#charts.draw();
  }
}

if (!customElements.get('nn-fit-demo')) customElements.define('nn-fit-demo', NnFitDemo);
