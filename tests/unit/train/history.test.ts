import { describe, expect, it } from 'vitest';
import { StepHistory } from '../../../src/train/history';
import type { StepRow } from '../../../src/train/training-run';

const rows = (from: number, to: number): StepRow[] =>
  Array.from({ length: to - from }, (_, i) => ({ step: from + i, loss: 1 / (from + i + 1), columns: [from + i] }));

describe('StepHistory', () => {
  it('keeps every row while the run is short: rows() is the log, at(step) finds each', () => {
    const h = new StepHistory({ head: 50, tail: 20, thinned: 10 });
    h.push(rows(0, 40));
    h.push(rows(40, 60));
    expect(h.rows().map((r) => r.step)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(h.at(0)?.step).toBe(0);
    expect(h.at(59)?.step).toBe(59);
    expect(h.at(60)).toBeUndefined();
    expect(h.last?.step).toBe(59);
  });

  it('stays bounded over 100,000 steps: the head, a thinned middle and the newest rows, in order', () => {
    const limits = { head: 100, tail: 50, thinned: 40 };
    const h = new StepHistory(limits);
    const sizes: number[] = [];
    for (let s = 0; s < 100_000; s += 256) {
      h.push(rows(s, Math.min(s + 256, 100_000)));
      sizes.push(h.rows().length);
    }
    const kept = h.rows();
    expect(Math.max(...sizes)).toBeLessThanOrEqual(limits.head + limits.tail + limits.thinned);
    // Ordered, without repeats, from step 0 to the last step.
    expect(kept[0]!.step).toBe(0);
    expect(kept.at(-1)!.step).toBe(99_999);
    expect(kept.every((r, i) => i === 0 || r.step > kept[i - 1]!.step)).toBe(true);
    // Every head and tail step is there; the middle covers the whole run evenly.
    for (let s = 0; s < 100; s++) expect(h.at(s)?.step).toBe(s);
    for (let s = 99_950; s < 100_000; s++) expect(h.at(s)?.step).toBe(s);
    const middle = kept.filter((r) => r.step >= 100 && r.step < 99_950).map((r) => r.step);
    expect(middle.length).toBeGreaterThan(limits.thinned / 2);
    const gaps = middle.slice(1).map((s, i) => s - middle[i]!);
    expect(new Set(gaps).size).toBe(1);
    expect(h.latest(5).map((r) => r.step)).toEqual([99_995, 99_996, 99_997, 99_998, 99_999]);
  });

  it('latest() reaches back into the head when the run is short, and clear() starts over', () => {
    const h = new StepHistory({ head: 10, tail: 5, thinned: 4 });
    h.push(rows(0, 12));
    expect(h.latest(4).map((r) => r.step)).toEqual([8, 9, 10, 11]);
    h.clear();
    expect(h.rows()).toEqual([]);
    expect(h.last).toBeUndefined();
    h.push(rows(0, 1));
    expect(h.first?.step).toBe(0);
  });
});
