/**
 * A demo at its seeded start, drawn at build time: what the page shows before (or without)
 * JavaScript, and the same step 0 the live demo then starts from.
 */
import { parseHTML } from 'linkedom';
import { startBackend } from '../nn/tf';
import {
  classChart,
  compactSvg,
  networkDiagram,
  contourChart,
  fitChart,
  landscapeChart,
  lossChart,
  seriesColour,
  surfaceChart,
  surfaceLegend,
  unitLegend,
} from '../plot';
import { landscapeState } from './landscape';
import { experimentById, viewOf, type ExperimentDefinition, type RunView } from '../train';
import { defaults } from '../train/settings';
import { TrainingRun, type StepRow } from '../train/training-run';
import { lossSeriesRows, shownSeries } from './loss-series';
import { accuracyChartWith, networkInput } from './network-input';

export interface DemoPreview {
  definition: ExperimentDefinition;
  view: RunView;
  /** Step 0 of the log. */
  row0: StepRow;
  /** The fit and loss charts at step 0, as compact SVG markup. */
  fitSvg: string;
  /** The loss along a and the map over (a, b), for the quadratic descent (empty for other demos). */
  landscapeSvg: string;
  contourSvg: string;
  /** The fit chart's key: its units, or a heat map's colours (empty when it has neither). */
  legendHtml: string;
  lossSvg: string;
  /** The target can be drawn by the reader (the spec has a series setting). */
  drawable: boolean;
  /** The network diagram at step 0 (empty for demos without one). */
  networkSvg: string;
  /** Train and test accuracy at step 0, for two classes (empty otherwise). */
  accuracySvg: string;
}

export async function demoPreview(experiment: string, o: { logScale: boolean; hand: boolean }): Promise<DemoPreview> {
  const definition = experimentById(experiment);
  await startBackend('cpu');
  const run = new TrainingRun(definition, defaults(definition.settings));
  const start = await run.start();
  const view = viewOf(run.experiment);
  run.dispose();
  const shown = shownSeries(definition.settings, defaults(definition.settings), view.lossSeries);
  const shownModel = shown && { label: shown.label, colour: seriesColour(shown.index) };
  const document = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const fit = view.classes
    ? classChart({ ...view.classes, probability: start.curves?.[0] ?? null, document })
    : view.surface
      ? surfaceChart({ ...view.surface, prediction: start.curves?.[0] ?? null, units: start.units ?? [], document })
      : fitChart({
          model: shownModel,
          data: view.data,
          heldOut: view.heldOut,
          grid: view.grid,
          curves: view.network ? (start.curves?.slice(0, 1) ?? null) : start.curves,
          unitNames: view.unitNames,
          yDomain: view.yDomain,
          axes: view.axes,
          residuals: view.residuals,
          document,
        });
  const series = view.lossSeries?.map(({ label, column }) => ({ name: label, rows: lossSeriesRows(start.rows, view.columnNames, column) }));
  const loss = lossChart({ rows: start.rows, log: o.logScale, xLabel: o.hand ? 'try' : 'step', series, document });
  const landscape = view.landscape && {
    ...landscapeState(view.columnNames, start.rows),
    data: view.data,
    loss: defaults(definition.settings)['loss'] === 'mse' ? ('mse' as const) : ('mae' as const),
    document,
  };
  return {
    definition,
    view,
    row0: start.rows[0]!,
    fitSvg: compactSvg(fit.outerHTML),
    landscapeSvg: landscape ? compactSvg(landscapeChart({ ...landscape, domain: view.landscape!.a }).outerHTML) : '',
    contourSvg: landscape ? compactSvg(contourChart({ ...landscape, path: landscape.route, domain: view.landscape! }).outerHTML) : '',
    legendHtml: (view.surface ? surfaceLegend(view.surface.target, document) : unitLegend(view.unitNames, document))?.outerHTML ?? '',
    lossSvg: compactSvg(loss.outerHTML),
    drawable: Object.values(definition.settings).some((s) => s.kind === 'series'),
    accuracySvg: view.classes ? compactSvg(accuracyChartWith(lossChart, view, start.rows, 640, document).outerHTML) : '',
    networkSvg: view.network ? networkDiagram({ ...networkInput(view, start.curves, start.weights ?? null), document }).outerHTML : '',
  };
}
