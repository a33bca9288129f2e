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
import { InPageTrainer, TrainerClient } from '../../src/train/client';
import type { StepRow } from '../../src/train/training-run';
import { defaults, formatSeries, type Settings, type SettingsSpec } from '../../src/train/settings';
import { ChartOverlay } from './chart-overlay';
import { DemoCharts } from './charts';
import { DemoChrome, isWaiting, waits } from './demo-chrome';
import { SettingsPanel } from './settings-panel';
import { wireNotebookLinks, type RunToExport } from './notebook-links';
import { DemoPainter } from './painter';
import { demoChanged, warmWhenIdle, whenReaderIdle } from './warm-up';
import type { CodePanel } from './code-panel';

const DRAW_HINT =
  'Draw your target on the chart: press and drag across it, or use the arrow keys. Training starts from the seeded start each time you lift the pointer.';

export class NnFitDemo extends HTMLElement {
  #c!: DemoController;
  #panel!: SettingsPanel;
  #charts!: DemoCharts;
  #chrome!: DemoChrome;
  #painter!: DemoPainter;
  #overlay: ChartOverlay | null = null;
  /** The playground's code panel, once its module has loaded. */
  #code: CodePanel | null = null;
  #observers: IntersectionObserver[] = [];
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
  /** The settings the demo runs with now (a copy). */
  get settings(): Settings {
    return { ...this.#c.settings.values };
  }
  /** True when the run uses exactly the chapter's settings changed by `changes` (settings that only change the drawing aside). */
  runsWithDefaultsAnd = (changes: Settings): boolean => this.#c.settings.runsWith({ ...defaults(this.#c.settings.spec), ...changes });
  /** A live setting changed mid-run: the run's rows did not all use the settings shown now. */
  get mixed(): boolean {
    return this.#c.record.mixed;
  }
  /** Why the run was stopped as diverged, while it is. */
  get divergence(): string | null {
    return this.#c.record.divergence;
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
      makeTrainer: (onReport, inPage) => (inPage ? new InPageTrainer(onReport) : new TrainerClient(onReport, this.id)),
      emit: (e) => this.#on(e),
    });
    this.#chrome = new DemoChrome(this);
    this.#panel = new SettingsPanel(this, this.#c);
    const layer = this.querySelector<HTMLElement>('[data-role="layer"]');
    if (layer) this.#overlay = this.#makeOverlay(layer);
    this.#charts = new DemoCharts(this, this.#c, this.#overlay);
    this.#painter = new DemoPainter(this, this.#c, this.#chrome, this.#charts);
    this.#panel.sync();
    // The page's first demo also names demos the link mentions that the page lacks.
    const demos = [...document.querySelectorAll('nn-fit-demo, nn-playground')].map((d) => d.id);
    const notice = this.#c.settings.linkNotice(query, demos[0] === this.id ? demos : []);
    if (notice) this.#chrome.message({ text: notice, kind: 'notice', way: 'defaults' });
    this.#wire();
    const c = this.#c;
    warmWhenIdle({
      key: this.id,
      init: () => ({ experiment: config.experiment, settings: { ...c.settings.values }, backend: c.settings.backend }),
      started: () => c.state !== 'idle',
      busy: () => c.state === 'loading' || c.state === 'running',
    });
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
      const button = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
      const action = button && !isWaiting(button) ? button.dataset.action : undefined;
      if (action) actions[action]?.();
    });
    waits(this.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!, false);
    this.querySelector('[data-role="log-scale"]')!.addEventListener('change', () => this.#painter.draw());
    this.querySelector('[data-role="reference"]')?.addEventListener('change', () => this.#painter.draw());
    // Start when the demo comes within a quarter screen of the viewport (not during page load);
    // pause when it is far off screen, or the tab hidden, and resume when it comes back.
    const near = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this.#near(), { rootMargin: '25% 0px' });
    const far = new IntersectionObserver((es) => c.setVisible(es.some((e) => e.isIntersecting)), { rootMargin: '50% 0px' });
    near.observe(this);
    far.observe(this);
    this.#observers = [near, far];
    document.addEventListener('visibilitychange', this.#onVisibility);
    const network = this.querySelector<HTMLElement>('[data-role="network"]');
    if (network) {
      const readout = this.querySelector('[data-role="network-value"]')!;
      const show = (e: Event) => {
        const label = (e.target as Element).closest('[aria-label]')?.getAttribute('aria-label');
        if (label && network.contains(e.target as Node) && (e.target as Element).closest('.if-neuron, .if-link')) readout.textContent = label;
      };
      network.addEventListener('focusin', show);
      network.addEventListener('pointerover', show);
    }
    if (this.querySelector('a[data-role="notebook"]')) {
      wireNotebookLinks(
        this,
        () => this.#runToExport(),
        (text) => this.#chrome.message({ text, kind: 'error', way: 'defaults' }),
      );
    }
    if (!this.#overlay) return;
    const reach = () => this.#charts.reach() && this.#painter.queue();
    const stage = this.querySelector('.if-demo__stage')!;
    stage.addEventListener('pointerenter', reach);
    stage.addEventListener('touchstart', reach, { passive: true });
    this.addEventListener('focusin', reach);
  }

  /** Near the viewport: the trainer starts (taking the worker warmed for it, if any), and the playground's extras load. */
  #near(): void {
    this.#c.start();
    this.#enhance();
  }

  /** The playground's extras (layer rows, code panel) load as it nears the viewport, like the runtime. */
  #enhance(): void {
    void this.#panel.enhance();
    const network = this.querySelector<HTMLElement>('[data-role="network"]');
    if (network && !network.dataset.keys) {
      network.dataset.keys = 'on';
      void import('../../src/plot/network-diagram').then(({ networkKeys }) => networkKeys(network));
    }
    const code = this.querySelector<HTMLElement>('[data-role="code"]');
    if (!code || this.#code) return;
    void import('./code-panel').then(({ CodePanel }) => {
      this.#code ??= new CodePanel(code);
      this.#code.show(this.#c.settings.values);
    });
  }

  #runToExport(): RunToExport {
    const r = this.#c.record;
    return {
      spec: this.#c.settings.spec,
      settings: this.settings,
      step: r.step,
      edits: r.edits,
      mixed: r.mixed,
      divergence: r.divergence,
      hand: this.dataset.mode === 'hand',
    };
  }

  #makeOverlay(layer: HTMLElement): ChartOverlay {
    return new ChartOverlay(
      this,
      layer,
      {
        figure: () => this.querySelector('[data-role="fit-chart"]')!.firstElementChild,
        edit: (edit) => this.#c.edit(edit),
        drawn: (ys) => this.#c.setDrawing(formatSeries(ys)),
        target: () => {
          const data = this.#c.record.view?.data ?? null;
          const xs = this.#c.settings.series?.setting.xs;
          // A drawing of the playground's curve starts flat over its own x when another dataset is shown.
          return xs && data && data.x.length !== xs.length ? { x: xs, y: xs.map(() => 0) } : data;
        },
        drawingChanged: async (on) => {
          if (on) await this.#charts.loadPlot();
          this.#charts.redrawAll();
          this.#painter.draw();
        },
      },
      this.#c.settings.series?.setting,
    );
  }

  #on(e: DemoEvent): void {
    switch (e.type) {
      case 'state':
        this.dataset.state = e.state;
        if (this.#c.link.contextLost) this.dataset.contextLost = 'true';
        else delete this.dataset.contextLost;
        this.dispatchEvent(new CustomEvent('nn-state', { detail: { state: e.state } }));
        this.#chrome.state(e.state, this.#c.usable);
        // A run that ran away stops without a 'stopped': the log still shows all its newest rows.
        if (e.state === 'diverged') this.#painter.queue();
        return demoChanged();
      case 'settings':
        this.#panel.sync();
        this.#code?.show(this.#c.settings.values);
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
        this.#painter.table.reset();
        this.#charts.redrawAll();
        // Plot's first drawing is the slowest: done while the reader reads, not at the first step.
        whenReaderIdle(() => this.#charts.goLive() && this.#painter.queue());
        const view = this.#c.record.view;
        this.#overlay?.enableDrawing(!view?.classes && !view?.surface);
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
        return this.#painter.queue();
      }
      case 'edited':
        this.dataset.editedLoss = String(e.loss);
        this.dispatchEvent(new CustomEvent('nn-edited', { detail: { loss: e.loss } }));
        return this.#painter.queue();
      case 'stopped':
        // The step log skips some draws while running: bring it up to the last step.
        return this.#painter.queue();
    }
  }
}

/** The playground: the same demo, with its network diagram and code panel (they are in its markup). */
export class NnPlayground extends NnFitDemo {}

if (!customElements.get('nn-fit-demo')) customElements.define('nn-fit-demo', NnFitDemo);
if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
