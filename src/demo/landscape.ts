import type { StepRow } from '../train/training-run';

/** How many earlier values of a the loss landscape draws. */
export const LANDSCAPE_TRAIL = 30;
/** The most points of the path over (a, b) drawn: a longer run is thinned evenly from its first step. */
export const ROUTE_POINTS = 400;

/**
 * Where the quadratic stands (the last row's a, b, c) and where it has been, read off the
 * step log for the loss-landscape charts: `path`, the last steps (the loss along a); `route`,
 * the whole run, thinned to ROUTE_POINTS (the map over a and b). The thinning counts from the
 * first step, so the points already drawn stay the same as the run goes on (until it thins
 * further), and the map moves only its new dots.
 */
export function landscapeState(columnNames: readonly string[], rows: readonly StepRow[]) {
  const [ia, ib, ic] = ['a', 'b', 'c'].map((name) => columnNames.indexOf(name));
  const abc = (r: StepRow) => ({ a: r.columns[ia!]!, b: r.columns[ib!]!, c: r.columns[ic!]! });
  const before = rows.slice(0, -1);
  const every = Math.max(1, Math.ceil(before.length / ROUTE_POINTS));
  const route = before.filter((_, i) => i % every === 0).map(abc);
  return { at: abc(rows.at(-1)!), path: before.slice(-LANDSCAPE_TRAIL).map(abc), route };
}
