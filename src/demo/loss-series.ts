import type { Settings, SettingsSpec } from '../train/settings';
import type { StepRow } from '../train/training-run';

/** One loss-chart line from the log: the loss itself, or a log column such as the validation loss. */
export function lossSeriesRows(log: readonly StepRow[], columnNames: readonly string[], column: string): { step: number; loss: number }[] {
  const i = columnNames.indexOf(column);
  return log.map((r) => ({ step: r.step, loss: column === 'loss' ? r.loss : r.columns[i]! }));
}

/**
 * The run whose fit a demo of several runs draws (its display setting, e.g. a race's "Fit
 * shown"), as the loss chart names it: its label and its line's index there, so the fit is
 * drawn in that line's colour. Undefined where the demo has one run.
 */
export function shownSeries(
  spec: SettingsSpec,
  values: Readonly<Settings>,
  series: readonly { label: string }[] | undefined,
): { label: string; index: number } | undefined {
  if (!series) return undefined;
  const key = Object.keys(spec).find((k) => spec[k]!.display && spec[k]!.kind === 'choice');
  const setting = key ? spec[key] : undefined;
  const label = setting?.kind === 'choice' ? setting.options.find((o) => o.value === values[key!])?.label : undefined;
  const index = series.findIndex((s) => s.label === label);
  return index >= 0 ? { label: label!, index } : undefined;
}
