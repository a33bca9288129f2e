import { describe, expect, it } from 'vitest';
import { LANDSCAPE_TRAIL, ROUTE_POINTS, landscapeState } from '../../../src/demo/landscape';

const rows = (n: number) => Array.from({ length: n }, (_, step) => ({ step, loss: 1 / (step + 1), columns: [step, -step, step / 2] }));

describe('landscapeState: where the quadratic stands and where it has been', () => {
  it('stands at the last row; the trail is the steps before it; a short run keeps its whole route', () => {
    const s = landscapeState(['a', 'b', 'c'], rows(40));
    expect(s.at).toEqual({ a: 39, b: -39, c: 19.5 });
    expect(s.path.map((p) => p.a)).toEqual(Array.from({ length: LANDSCAPE_TRAIL }, (_, i) => 9 + i));
    expect(s.route.map((p) => p.a)).toEqual(Array.from({ length: 39 }, (_, i) => i));
  });

  it('thins a long route evenly from its first step, so the points drawn stay as the run goes on', () => {
    const long = landscapeState(['a', 'b', 'c'], rows(1001)).route.map((p) => p.a);
    expect(long.length).toBeLessThanOrEqual(ROUTE_POINTS);
    expect(long.slice(0, 4)).toEqual([0, 3, 6, 9]);
    // One step later (same thinning): every point drawn before is still there, in place.
    const next = landscapeState(['a', 'b', 'c'], rows(1002)).route.map((p) => p.a);
    expect(next.slice(0, long.length)).toEqual(long);
  });
});
