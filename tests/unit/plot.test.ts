import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fitChart, lossChart, updateFitCurves, updateLossChart } from '../../src/plot';
import { niceCeil } from '../../src/plot/fast-update';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;
const numbers = (d: string | null | undefined) => (d ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);

const grid = [-2, -1, 0, 1, 2];
const data = { x: [-2, 0, 2], y: [4, 0, 4] };
const curvesA = [[2, 1, 0, 1, 2], [2, 1, 0, 0, 0], [0, 0, 0, 1, 2]];
const curvesB = [[3, 1.5, 0.5, 1, 3.5], [3, 1.5, 0.5, 0, 0], [0, 0, 0, 1, 3.5]];

describe('charts update in place exactly as a fresh render would draw them', () => {
  it('fit chart: moving the curves equals drawing with the new curves', () => {
    const moved = fitChart({ data, grid, curves: curvesA, document: doc });
    expect(updateFitCurves(moved, grid, curvesB)).toBe(true);
    const fresh = fitChart({ data, grid, curves: curvesB, document: doc });
    const paths = (f: Element) => [...f.querySelectorAll('g.if-prediction path, g.if-units path')].map((p) => numbers(p.getAttribute('d')));
    const [a, b] = [paths(moved), paths(fresh)];
    expect(a).toHaveLength(3);
    a.forEach((series, i) => series.forEach((v, j) => expect(Math.abs(v - b[i]![j]!)).toBeLessThan(0.01)));
    // Written the way Plot writes them, so a moved path and a drawn one compare equal.
    const raw = (f: Element) => [...f.querySelectorAll('g.if-prediction path')].map((p) => p.getAttribute('d'));
    expect(raw(moved)).toEqual(raw(fresh));
  });

  it('fit chart: a figure without curves cannot be moved (it is redrawn)', () => {
    const empty = fitChart({ data, grid, curves: null, document: doc });
    expect(updateFitCurves(empty, grid, curvesB)).toBe(false);
  });

  it('loss chart: moves within its domains, asks for a redraw beyond them', () => {
    const rows = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ step: i, loss: f(i) }));
    const figure = lossChart({ rows: rows(8, (i) => 5 - 0.1 * i), document: doc }) as HTMLElement;
    expect(updateLossChart(figure, rows(10, (i) => 5 - 0.2 * i), false)).toBe(true);
    const fresh = lossChart({ rows: rows(10, (i) => 5 - 0.2 * i), document: doc });
    const d = (f: Element) => numbers(f.querySelector('g.if-loss path')?.getAttribute('d'));
    d(figure).forEach((v, i) => expect(Math.abs(v - d(fresh)[i]!)).toBeLessThan(0.01));
    // Step 11 is past the x domain [0, 10]: the chart must be redrawn.
    expect(updateLossChart(figure, rows(12, () => 1), false)).toBe(false);
    // Switching to a log scale is a redraw too.
    expect(updateLossChart(figure, rows(10, () => 1), true)).toBe(false);
  });

  it('niceCeil rounds up to 1, 2, 5 times a power of ten', () => {
    expect([0.7, 1, 1.2, 3, 7, 10, 11, 499, 501].map(niceCeil)).toEqual([1, 1, 2, 5, 10, 10, 20, 500, 1000]);
  });
});
