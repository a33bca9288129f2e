/**
 * A demo's charts (the fit, the loss, and where a demo has them the landscape, the network
 * and the accuracy), kept up to date from its controller. Plot loads only once a chart must
 * change; where a chart's scales still fit, only its lines move (microseconds), otherwise
 * it is drawn anew. No single task holds the page up for long: the fit chart is drawn in
 * the frame that asks, the other charts in the frames after it, as many a frame as its
 * budget holds (FrameJobs); while training, a chart drawn anew goes into the page a frame
 * after it is drawn; and no drawing reads layout (the boxes' widths come from a
 * ResizeObserver), so each frame lays the page out once.
 */
import type { DemoController } from '../../src/demo/controller';
import { lossSeriesRows, shownSeries } from '../../src/demo/loss-series';
import { seriesDomain } from '../../src/train/settings';
import type { ChartOverlay } from './chart-overlay';
import { FrameJobs } from './frame-jobs';
import { legendKey } from '../../src/demo/preview-key';
import { landscapeState } from '../../src/demo/landscape';
import { accuracyChartWith, accuracySeries, networkInput } from '../../src/demo/network-input';
import type { Landscape, RunView } from '../../src/train/experiment';
import type { StepRow } from '../../src/train/training-run';

type PlotModule = typeof import('../../src/plot');

/** While training, the contour map traces its lines again in this many frames, a share in each. */
const CONTOUR_PARTS = 3;
/** Past this many units, the fit chart's units move after its model, this many per frame (see #moveFit). */
const MANY_UNITS = 20;

export class DemoCharts {
  #plot: PlotModule | null = null;
  #plotLoading: Promise<void> | null = null;
  /** Set when a new run starts (its data or units may differ) or drawing toggles: drawn anew. */
  #redrawAll = true;
  /** The reader reached for the chart: draw the live chart with its handles now. */
  #wantsHandles = false;
  /** The page is idle with a reader on it: the live charts replace the build's previews. */
  #live = false;
  readonly #root: HTMLElement;
  readonly #c: DemoController;
  readonly #overlay: ChartOverlay | null;
  readonly #frames = new FrameJobs();
  /** The boxes' widths as last laid out (a box is observed from its first drawing on). */
  readonly #widths = new Map<Element, number>();
  readonly #sizes = new ResizeObserver((entries) => {
    for (const e of entries) this.#widths.set(e.target, e.contentRect.width);
  });

  constructor(root: HTMLElement, controller: DemoController, overlay: ChartOverlay | null) {
    this.#root = root;
    this.#c = controller;
    this.#overlay = overlay;
  }

  /** The next draw replaces both charts. */
  redrawAll(): void {
    this.#redrawAll = true;
  }

  /** The live charts replace the build's previews at the next draw (Plot loading first); false if they already do. */
  goLive(): boolean {
    if (this.#live) return false;
    this.#live = true;
    return true;
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

  /** How wide `box` is (at least `min`), without laying out the page: known from the observer after the first time. */
  #width(box: HTMLElement, min: number): number {
    let width = this.#widths.get(box);
    if (width === undefined) {
      width = box.clientWidth;
      this.#widths.set(box, width);
      this.#sizes.observe(box);
    }
    return Math.max(min, Math.round(width || 640));
  }

  /** Puts a figure drawn anew in its box; while training, in a frame after the one that drew it (see FrameJobs.place). */
  #place(box: HTMLElement, figure: Element): void {
    this.#frames.place(box, figure, this.#c.state === 'running');
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
  #drawLandscape(plot: PlotModule, view: RunView, { a, b }: Landscape, rows: readonly StepRow[]): void {
    const loss = this.#landscapeLoss();
    const { at, path } = landscapeState(view.columnNames, rows);
    const along = this.#box('landscape-chart');
    const alongInput = { data: view.data, at, path, loss, domain: a, width: this.#width(along, 280) };
    const drawn = this.#frames.current(along);
    if (!(drawn && plot.updateLandscapeChart(drawn, alongInput))) this.#place(along, plot.landscapeChart(alongInput));
    const map = this.#box('contour-chart');
    const mapInput = () => {
      const { at, route } = landscapeState(view.columnNames, this.#c.record.history.rows());
      return { data: view.data, at, path: route, loss, domain: { a, b }, width: this.#width(map, 280) };
    };
    // Tracing the contour lines is the costliest part: while training, a few times a second and a third of
    // them per frame; the path and its dots at every draw.
    const running = this.#c.state === 'running';
    const retrace = !running || performance.now() - this.#contoursTraced >= 300;
    if (retrace) this.#contoursTraced = performance.now();
    this.#frames.later('contour', () => {
      const figure = this.#frames.current(map);
      const input = mapInput();
      if (!(figure && plot.updateContourChart(figure, input, running ? null : undefined))) this.#place(map, plot.contourChart(input));
    });
    if (!(running && retrace)) return;
    for (let part = 0; part < CONTOUR_PARTS; part++) {
      this.#frames.later(`contour-lines-${part}`, () => {
        const figure = this.#frames.current(map);
        if (figure && !plot.updateContourChart(figure, mapInput(), { part, parts: CONTOUR_PARTS })) this.#place(map, plot.contourChart(mapInput()));
      });
    }
  }

  #contoursTraced = 0;

  #networkDrawn = 0;

  /** The diagram: a few hundred elements, redrawn at most twice a second while training. */
  #drawNetwork(plot: PlotModule, view: RunView): void {
    const r = this.#c.record;
    if (this.#c.state === 'running' && performance.now() - this.#networkDrawn < 500) return;
    this.#networkDrawn = performance.now();
    const box = this.#box('network');
    const diagram = plot.networkDiagram({ ...networkInput(view, r.curves, r.weights), width: this.#width(box, 300) });
    // Copied node for node onto the diagram shown, keeping the reader's focus.
    const step = r.step;
    this.#frames.place(box, diagram, this.#c.state === 'running', (b, d) => plot.placeNetwork(b, d, step));
    // Two classes: the accuracies by step, beside the losses (a curve has none: the figure hides), in a frame of its own.
    const accuracy = this.#box('accuracy-chart');
    accuracy.closest('figure')!.hidden = !view.classes;
    if (view.classes) this.#frames.later('accuracy', () => this.#drawAccuracy(plot, view, accuracy));
  }

  #drawAccuracy(plot: PlotModule, view: RunView, accuracy: HTMLElement): void {
    const rows = this.#c.record.history.rows();
    const figure = this.#frames.current(accuracy);
    const series = accuracySeries(view, rows);
    const width = this.#width(accuracy, 320);
    if (figure?.getAttribute('data-width') === String(width) && plot.updateLossChart(figure, { rows, log: false, series })) return;
    this.#place(accuracy, accuracyChartWith(plot.lossChart, view, rows, width));
  }

  draw(): void {
    const c = this.#c;
    const r = c.record;
    const view = r.view;
    const drawing = this.#overlay?.drawing ?? false;
    // Until the first run moves, the build-time preview already shows it: Plot isn't even
    // loaded, until the page is idle with a reader on it (goLive). Demos with handles to drag
    // need the live chart (its scales) once the reader reaches for it.
    const reference = this.#root.querySelector<HTMLInputElement>('[data-role="reference"]')?.checked ?? false;
    // A link's own settings (another dataset, say) are not what the build drew: the live chart then comes at once.
    const preview = r.starts <= 1 && r.step === 0 && this.#c.settings.usesDefaults;
    if (preview && !this.#live && !(view?.editable && this.#wantsHandles) && !drawing && !reference && !this.#staleLandscape()) return;
    const plot = this.#plot;
    if (!plot) {
      void this.loadPlot().then(() => this.draw());
      return;
    }
    const rows = r.history.rows();
    if (!view || rows.length === 0) return;
    const fit = this.#box('fit-chart');
    const width = this.#width(fit, 320);
    const fitFigure = fit.firstElementChild;
    const sameWidth = fitFigure?.getAttribute('data-width') === String(width) && !this.#redrawAll;
    this.#redrawAll = false;
    // A network's curves carry every hidden unit after the prediction: its own view draws those.
    const curves = view.network ? (r.curves?.slice(0, 1) ?? null) : r.curves;
    // A race draws the run "Fit shown" names, in its line's colour in the loss chart.
    const shown = shownSeries(c.settings.spec, c.settings.values, view.lossSeries);
    const model = shown && { label: shown.label, colour: plot.seriesColour(shown.index) };
    const sameModel = fitFigure?.getAttribute('data-model') === (model?.label ?? '') && fitFigure?.hasAttribute('data-reference') === reference;
    const moved = sameWidth && fitFigure && curves?.[0];
    if (view.classes) {
      // A lattice of a few hundred cells and the points: recoloured in place once drawn.
      if (!(moved && plot.updateClassChart(fitFigure, view.classes.side, curves[0]!))) {
        fit.replaceChildren(plot.classChart({ ...view.classes, probability: curves?.[0] ?? null, width }));
      }
    } else if (view.surface) {
      // Two heat maps of a few hundred cells: the model's recoloured in place once drawn.
      if (!(moved && plot.updateSurfaceChart(fitFigure, view.surface.side, curves[0]!, r.units ?? []))) {
        fit.replaceChildren(plot.surfaceChart({ ...view.surface, prediction: curves?.[0] ?? null, units: r.units ?? [], width }));
      }
    } else if (!(sameWidth && sameModel && fitFigure && curves && this.#moveFit(plot, view, fitFigure, curves))) {
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
    // The width it was drawn for (a class map is narrower than its box): the next draw may move it in place.
    fit.firstElementChild?.setAttribute('data-width', String(width));
    this.#legend(plot, view);
    if (view.editable && r.units && curves && !drawing) this.#overlay?.kinks.update(r.units, view.grid, curves[0]!);
    // Test hook: the step the live fit chart shows (absent while the build-time preview stands).
    this.#root.dataset.drawnStep = String(r.step);
    this.#frames.later('loss', () => this.#drawLoss(plot, view));
    if (view.landscape) this.#frames.later('landscape', () => this.#drawLandscape(plot, view, view.landscape!, this.#c.record.history.rows()));
    if (view.network) this.#frames.later('network', () => this.#drawNetwork(plot, view));
  }

  /**
   * Moves the fit chart's curves in place; with many units (more than MANY_UNITS), the model
   * now and the units' curves in frames of their own, MANY_UNITS at a time (their kinks with
   * the last), so no frame is long; while training, the units only a few times a second.
   */
  #moveFit(plot: PlotModule, view: RunView, figure: Element, curves: readonly (readonly number[])[]): boolean {
    const units = curves.length - 1;
    if (units <= MANY_UNITS) return plot.updateFitCurves(figure, view.grid, curves, view.data);
    if (!plot.updateFitCurves(figure, view.grid, curves, view.data, 'model')) return false;
    // Each share repaints the chart: while training, the units move a few times a second.
    if (this.#c.state === 'running' && performance.now() - this.#unitsMoved < 300) return true;
    this.#unitsMoved = performance.now();
    for (let from = 0; from < units; from += MANY_UNITS) {
      this.#frames.later(`units-${from}`, () => {
        const latest = this.#c.record.curves;
        // Redrawn meanwhile, or no longer movable: the next draw draws it anew.
        if (this.#box('fit-chart').firstElementChild !== figure || !latest) return;
        if (!plot.updateFitCurves(figure, view.grid, latest, view.data, { from, to: Math.min(units, from + MANY_UNITS) })) this.#redrawAll = true;
      });
    }
    return true;
  }

  #unitsMoved = 0;

  /** The loss by step: its line moved in place while the axes hold it, else drawn anew. */
  #drawLoss(plot: PlotModule, view: RunView): void {
    const rows = this.#c.record.history.rows();
    const box = this.#box('loss-chart');
    const width = this.#width(this.#box('fit-chart'), 320);
    const log = this.#root.querySelector<HTMLInputElement>('[data-role="log-scale"]')!.checked;
    const series = view.lossSeries?.map(({ label, column }) => ({ name: label, rows: lossSeriesRows(rows, view.columnNames, column) }));
    const figure = this.#frames.current(box);
    if (figure?.getAttribute('data-width') === String(width) && plot.updateLossChart(figure, { rows, log, series })) return;
    this.#place(box, plot.lossChart({ rows, log, width, xLabel: this.#c.hand ? 'try' : 'step', series }));
  }
}
