import type { StepRow } from '../train/training-run';

/** One loss-chart line from the log: the loss itself, or a log column such as the validation loss. */
export function lossSeriesRows(log: readonly StepRow[], columnNames: readonly string[], column: string): { step: number; loss: number }[] {
  const i = columnNames.indexOf(column);
  return log.map((r) => ({ step: r.step, loss: column === 'loss' ? r.loss : r.columns[i]! }));
}
