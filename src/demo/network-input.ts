import type { lossChart as LossChart } from '../plot/loss-chart';
import type { RunView } from '../train/experiment';
import type { StepRow } from '../train/training-run';
import { lossSeriesRows } from './loss-series';

/** What the network diagram needs from a run: its view, and the curves and weights of a report. */
export function networkInput(view: RunView, curves: number[][] | null, weights: number[] | null) {
  return {
    network: view.network!,
    weights,
    prediction: curves?.[0] ?? null,
    unitCurves: view.network!.unitsDrawn && curves ? curves.slice(1) : null,
    side: view.classes ? view.classes.side.length : view.surface ? view.surface.side.length : null,
  };
}

/** The accuracies a run of two classes logs, as a chart's series (train, then test). */
export const accuracySeries = (view: RunView, rows: readonly StepRow[]) =>
  (['train', 'test'] as const).map((part) => ({ name: part, rows: lossSeriesRows(rows, view.columnNames, `${part} accuracy`) }));

/** Train and test accuracy by step, on a linear axis from 0 to 1. */
export const accuracyChartWith = (lossChart: typeof LossChart, view: RunView, rows: readonly StepRow[], width: number, document?: Document) =>
  lossChart({ rows: [], series: accuracySeries(view, rows), yLabel: 'accuracy', width, document });
