import type { RunView } from '../train/experiment';

/**
 * What the fit chart's key depends on: the units' names, or a heat map's colour range. The
 * build writes it beside the key it draws, so the page redraws the key only once it changes.
 */
export function legendKey(view: RunView): string {
  return view.surface ? `colours ${Math.min(...view.surface.target)} ${Math.max(...view.surface.target)}` : view.unitNames.join('\n');
}
