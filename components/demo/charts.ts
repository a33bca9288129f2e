/**
 * A demo's two charts, the fit and the loss, kept up to date from its controller. Plot
 * loads only once a chart must change; where a chart's scales still fit, only its lines
 * move (microseconds), otherwise it is drawn anew, the loss chart a frame after the fit
 * chart, so no single task holds the page up for long.
 */
import type { DemoController } from '../../src/demo/controller';
import { lossSeriesRows, shownSeries } from '../../src/demo/loss-series';
import { seriesDomain } from '../../src/train/settings';
import type { ChartOverlay } from './chart-overlay';
import { legendKey } from '../../src/demo/preview-key';
import { landscapeState } from '../../src/demo/landscape';
import { accuracyChartWith, networkInput } from '../../src/demo/network-input';
import type { Landscape, RunView } from '../../src/train/experiment';
import type { StepRow } from '../../src/train/training-run';

type PlotModule = typeof import('../../src/plot');

export class DemoCharts {
  #plot: PlotModule | null = null;
  #plotLoading: Promise<void> | null = null;
  /** Set when a new run starts (its data or units may differ) or drawing toggles: drawn anew. */
  #redrawAll = true;
  /** The reader reached for the chart: draw the live chart with its handles now. */
  #wantsHandles = false;
  readonly #root: HTMLElement;
  readonly #c: DemoController;
  readonly #overlay: ChartOverlay | null;

  constructor(root: HTMLElement, controller: DemoController, overlay: ChartOverlay | null) {
    this.#root = root;
    this.#c = controller;
    this.#overlay = overlay;
  }

  /** The next draw replaces both charts. */
  redrawAll(): void {
    this.#redrawAll = true;
  }

  /** The reader reached for the chart (pointer over it, or focus in the demo): handles are drawn. */
  reach(): boolean {
    if (this.#wantsHandles) return false;
    this.#wantsHandles = true;
    return true;
  }

  loadPlot(): Promise<void> {
    this.#plotLoading ??= import('../../src/plot').then((loaded) => {
      this.#plot = loaded;
    });
    return this.#plotLoading;
  }

  #box(role: string): HTMLElement {
    return this.#root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }

  /** The key under the fit chart (its units, or a heat map's colours), rewritten only when it changes. */
  #legend(plot: PlotModule, view: RunView): void {
    const box = this.#box('unit-legend');
    const key = legendKey(view);
    if (box.dataset.names === key) return;
    box.dataset.names = key;
    const legend = view.surface ? plot.surfaceLegend(view.surface.target) : plot.unitLegend(view.unitNames);
    box.replaceChildren(...(legend ? [legend] : []));
  }

  /** The loss the reader's settings ask for, on the quadratic's landscape charts. */
  #landscapeLoss(): 'mse' | 'mae' {
    return this.#c.settings.values['loss'] === 'mse' ? 'mse' : 'mae';
  }

  /** The build drew the loss landscape for the chapter's loss; a link may have set the other. */
  #staleLandscape(): boolean {
    const drawn = this.#root.querySelector('[data-role="landscape-chart"] svg')?.getAttribute('data-loss');
    return Boolean(drawn) && drawn !== this.#landscapeLoss();
  }

  /** The loss along a, and below it the map over (a, b) with the run's path: each as wide as its own box. */
  #drawLandscape(plot: PlotModule, view: RunView, { a, b }: Landscape, rows: readonly StepRow[], width: number): void {
    const loss = this.#landscapeLoss();
    const { at, path, route } = landscapeState(view.columnNames, rows);
    const along = this.#box('landscape-chart');
    const map = this.#box('contour-chart');
    along.replaceChildren(plot.landscapeChart({ data: view.data, at, path, loss, domain: a, width: Math.max(280, along.clientWidth || width) }));
    map.replaceChildren(
      plot.contourChart({ data: view.data, at, path: route, loss, domain: { a, b }, width: Math.max(280, map.clientWidth || width) }),
    );
  }

  #networkDrawn = 0;

  /** The diagram: a few hundred elements, redrawn at most twice a second while training. */
  #drawNetwork(plot: PlotModule, view: RunView): void {
    const r = this.#c.record;
    if (this.#c.state === 'running' && performance.now() - this.#networkDrawn < 500) return;
    this.#networkDrawn = performance.now();
    plot.redrawNetwork(this.#box('network'), { ...networkInput(view, r.curves, r.weights) }, r.step);
    // Two classes: the accuracies by step, beside the losses (a curve has none: the figure hides).
    const accuracy = this.#box('accuracy-chart');
    accuracy.closest('figure')!.hidden = !view.classes;
    if (view.classes) accuracy.replaceChildren(accuracyChartWith(plot.lossChart, view, r.history.rows(), Math.max(320, accuracy.clientWidth || 640)));
  }

  draw(): void {
    const c = this.#c;
    const r = c.record;
    const view = r.view;
    const drawing = this.#overlay?.drawing ?? false;
    // Until the first run moves, the build-time preview already shows it: Plot isn't even
    // loaded. Demos with handles to drag need the live chart (its scales) once the reader
    // reaches for it.
    const reference = this.#root.querySelector<HTMLInputElement>('[data-role="reference"]')?.checked ?? false;
    // A link's own settings (another dataset, say) are not what the build drew: the live chart then comes at once.
    const preview = r.starts <= 1 && r.step === 0 && this.#c.settings.usesDefaults;
    if (preview && !(view?.editable && this.#wantsHandles) && !drawing && !reference && !this.#staleLandscape()) return;
    const plot = this.#plot;
    if (!plot) {
      void this.loadPlot().then(() => this.draw());
      return;
    }
    const rows = r.history.rows();
    if (!view || rows.length === 0) return;
    const fit = this.#box('fit-chart');
    const width = Math.max(320, Math.round(fit.clientWidth || 640));
    const fitFigure = fit.firstElementChild;
    const sameWidth = fitFigure?.getAttribute('width') === String(width) && !this.#redrawAll;
    this.#redrawAll = false;
    // A network's curves carry every hidden unit after the prediction: its own view draws those.
    const curves = view.network ? (r.curves?.slice(0, 1) ?? null) : r.curves;
    // A race draws the run "Fit shown" names, in its line's colour in the loss chart.
    const shown = shownSeries(c.settings.spec, c.settings.values, view.lossSeries);
    const model = shown && { label: shown.label, colour: plot.seriesColour(shown.index) };
    const sameModel = fitFigure?.getAttribute('data-model') === (model?.label ?? '') && fitFigure?.hasAttribute('data-reference') === reference;
    if (view.classes) {
      // A lattice of a few hundred cells and the points: drawn anew each time.
      fit.replaceChildren(plot.classChart({ ...view.classes, probability: curves?.[0] ?? null, width }));
    } else if (view.surface) {
      // Two heat maps of a few hundred cells: drawn anew each time (a few milliseconds).
      fit.replaceChildren(plot.surfaceChart({ ...view.surface, prediction: curves?.[0] ?? null, units: r.units ?? [], width }));
    } else if (!(sameWidth && sameModel && fitFigure && curves && plot.updateFitCurves(fitFigure, view.grid, curves, view.data))) {
      const series = this.#c.settings.series;
      const yDomain = drawing && series ? seriesDomain(series.setting) : view.yDomain;
      fit.replaceChildren(
        plot.fitChart({
          data: view.data,
          heldOut: view.heldOut,
          grid: view.grid,
          curves,
          unitNames: view.unitNames,
          yDomain,
          axes: view.axes,
          width,
          model,
          reference: reference ? view.reference : null,
          residuals: view.residuals,
        }),
      );
    }
    this.#legend(plot, view);
    if (view.editable && r.units && curves && !drawing) this.#overlay?.kinks.update(r.units, view.grid, curves[0]!);
    if (view.landscape) this.#drawLandscape(plot, view, view.landscape, rows, width);
    if (view.network) this.#drawNetwork(plot, view);
    // Test hook: the step the live fit chart shows (absent while the build-time preview stands).
    this.#root.dataset.drawnStep = String(r.step);
    const lossBox = this.#box('loss-chart');
    const log = this.#root.querySelector<HTMLInputElement>('[data-role="log-scale"]')!.checked;
    const lossFigure = lossBox.firstElementChild as HTMLElement | null;
    if (lossFigure?.getAttribute('width') === String(width) && plot.updateLossChart(lossFigure, rows, log)) return;
    const series = view.lossSeries?.map(({ label, column }) => ({ name: label, rows: lossSeriesRows(rows, view.columnNames, column) }));
    const xLabel = c.hand ? 'try' : 'step';
    requestAnimationFrame(() => lossBox.replaceChildren(plot.lossChart({ rows, log, width, xLabel, series })));
  }
}
