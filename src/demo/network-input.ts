import type { RunView } from '../train/experiment';

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
