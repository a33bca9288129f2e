import type { StepRow } from '../train/training-run';

/** How many earlier values of a the loss landscape draws. */
export const LANDSCAPE_TRAIL = 30;

/**
 * Where the quadratic stands (the last row's a, b, c) and where it has been (the rows
 * before), read off the step log for the loss-landscape chart.
 */
export function landscapeState(columnNames: readonly string[], rows: readonly StepRow[]) {
  const [ia, ib, ic] = ['a', 'b', 'c'].map((name) => columnNames.indexOf(name));
  const abc = (r: StepRow) => ({ a: r.columns[ia!]!, b: r.columns[ib!]!, c: r.columns[ic!]! });
  return { at: abc(rows.at(-1)!), path: rows.slice(-LANDSCAPE_TRAIL - 1, -1).map(abc) };
}
