import { describe, expect, it } from 'vitest';
import { Q_GRID } from '../../../src/data';
import { interpolate } from '../../../src/plot/interpolate';
import { KNOT_GAP, moveKnot, reluInterpolant } from '../../../src/train/relu-interpolant';
import { TARGETS } from '../../../src/train/relu-fitter';
import { expectNoLeaks } from '../helpers';

expectNoLeaks();

const f = TARGETS.sin.f;
const even = (k: number) => Array.from({ length: k + 1 }, (_, i) => -2 + (4 * i) / k);

/** The experiment's curve on the grid and its loss, after `edits`, disposed. */
function after(edits: { unit: number; kink?: number; slope?: number }[], pieces = 4) {
  const e = reluInterpolant.create({ pieces, target: 'sin' });
  for (const edit of edits) e.edit!(edit);
  const curves = e.curves();
  const curve = (curves.arraySync() as number[][]).map((row) => row[0]!);
  const { loss, columns } = e.evaluate();
  const value = loss.dataSync()[0]!;
  curves.dispose();
  loss.dispose();
  columns.dispose();
  e.dispose();
  return { curve, loss: value };
}

/** The broken line through the sine at `knots`, on the grid (null outside [−2, 2], where the model's end pieces run on). */
const brokenLine = (knots: number[]) => Q_GRID.map((x) => (Math.abs(x) <= 2 ? interpolate(knots, knots.map(f), x) : null));

describe('the construction with a knot dragged', () => {
  it('moveKnot keeps a knot inside [−2, 2] and KNOT_GAP from its neighbours', () => {
    const knots = even(4);
    expect(moveKnot(knots, 1, -0.5)).toBe(-0.5);
    expect(moveKnot(knots, 1, 5)).toBeCloseTo(0 - KNOT_GAP, 12);
    expect(moveKnot(knots, 1, -5)).toBeCloseTo(-2 + KNOT_GAP, 12);
    expect(moveKnot(knots, 0, -9)).toBe(-2);
  });

  it('is the broken line through the target at the knots where they now stand, and its loss changes', () => {
    const start = after([]);
    for (const [i, y] of brokenLine(even(4)).entries()) if (y !== null) expect(start.curve[i]).toBeCloseTo(y, 5);
    const moved = after([{ unit: 1, kink: -1.9 }]);
    const knots = even(4);
    knots[1] = -1.9;
    for (const [i, y] of brokenLine(knots).entries()) if (y !== null) expect(moved.curve[i]).toBeCloseTo(y, 5);
    // One piece now spans [−1.9, 0], across the sine's trough: the line misses far more.
    expect(moved.loss).toBeGreaterThan(2 * start.loss);
  });

  it("chapter 4's try: knots moved to where the sine bends most (x ≈ ±0.8) beat evenly spaced ones; crowded together they lose", () => {
    const even = after([]).loss;
    expect(
      after([
        { unit: 1, kink: -0.8 },
        { unit: 3, kink: 0.8 },
      ]).loss,
    ).toBeLessThan(even);
    expect(after([{ unit: 1, kink: -0.1 }]).loss).toBeGreaterThan(even);
  });

  it('a drag up or down changes nothing: the target sets the heights', () => {
    const start = after([]);
    const vertical = after([{ unit: 2, slope: 7 }]);
    expect(vertical.loss).toBe(start.loss);
    expect(vertical.curve).toEqual(start.curve);
  });
});
