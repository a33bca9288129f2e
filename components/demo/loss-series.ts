import type { StepRow } from '../../src/train/session';

/** One loss-chart line from the log: the loss itself, or a log column such as the validation loss. */
export function lossSeriesRows(log: readonly StepRow[], paramNames: readonly string[], column: string): { step: number; loss: number }[] {
  const i = paramNames.indexOf(column);
  return log.map((r) => ({ step: r.step, loss: column === 'loss' ? r.loss : r.params[i]! }));
}

