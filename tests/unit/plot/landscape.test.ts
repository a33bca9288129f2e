import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { contourChart, landscapeChart, updateContourChart, updateLandscapeChart, type ContourInput, type LandscapeInput } from '../../../src/plot';
import type { PlotFigure } from '../../../src/plot/fast-update';
import { linspace } from '../../../src/data';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;
const numbers = (d: string | null | undefined) => (d ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];

const x = linspace(-1, 1, 11);
const data = { x, y: x.map((v) => 2 * v * v - v + 0.5) };
const domain = { a: [-1, 4], b: [-3, 3] } as const;
const walk = (n: number, c: number) => Array.from({ length: n }, (_, i) => ({ a: 3.5 - i * 0.1, b: 2 - i * 0.15, c: c - i * 0.02 }));
const input = (n: number, c: number, loss: 'mae' | 'mse' = 'mse'): ContourInput => {
  const path = walk(n, c);
  return { data, at: { a: 3.4 - n * 0.1, b: 1.9 - n * 0.15, c: c - n * 0.02 }, path, loss, domain, width: 420, document: doc };
};
/** Every mark the map draws, as the numbers of its geometry: the contour lines, the path, its dots, the model's dot. */
const drawing = (f: Element) => ({
  contours: [...f.querySelectorAll('g.if-contours path')].map((p) => numbers(p.getAttribute('d'))),
  path: numbers(f.querySelector('g.if-path path')?.getAttribute('d')),
  dots: [...f.querySelectorAll('g.if-route circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
  here: [...f.querySelectorAll('g.if-here circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
});
const expectClose = (a: unknown, b: unknown, tol = 0.01) => {
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a).toHaveLength(b.length);
    a.forEach((v, i) => expectClose(v, b[i], tol));
  } else if (typeof a === 'number') expect(Math.abs(a - (b as number))).toBeLessThan(tol);
  else for (const k of Object.keys(a as object)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol);
};

describe('the contour map moves in place as a fresh render would draw it', () => {
  it('contour lines (c has moved), the path with more or fewer dots (none after a reset), the model dot and its description', () => {
    const moved = contourChart(input(4, 1.2)) as PlotFigure;
    for (const [n, c] of [
      [9, 0.4],
      [6, -0.5],
      [0, 0.2],
    ] as const) {
      const fresh = contourChart(input(n, c));
      expect(drawing(moved)).not.toEqual(drawing(fresh));
      expect(updateContourChart(moved, input(n, c))).toBe(true);
      expect(drawing(fresh).contours.filter((d) => d.length > 8).length).toBeGreaterThan(8);
      expectClose(drawing(moved), drawing(fresh));
      expect(moved.getAttribute('aria-description')).toBe(fresh.getAttribute('aria-description'));
      expect(moved.getAttribute('data-path')).toBe(String(n));
    }
  });

  it('without retracing, only the path and the dots move; a share of the lines moves when asked', () => {
    const moved = contourChart(input(4, 1.2)) as PlotFigure;
    const before = drawing(moved).contours;
    const fresh = drawing(contourChart(input(7, 0.4)));
    expect(updateContourChart(moved, input(7, 0.4), null)).toBe(true);
    expect(drawing(moved).contours).toEqual(before);
    expect(fresh.contours).not.toEqual(before);
    expectClose({ ...drawing(moved), contours: [] }, { ...fresh, contours: [] });
    // Every third line from the second: those match a fresh drawing, the others stay.
    expect(updateContourChart(moved, input(7, 0.4), { part: 1, parts: 3 })).toBe(true);
    drawing(moved).contours.forEach((d, k) => (k % 3 === 1 ? expectClose(d, fresh.contours[k]) : expect(d).toEqual(before[k])));
  });

  it('is drawn anew for another loss or width', () => {
    const drawn = contourChart(input(4, 1)) as PlotFigure;
    expect(updateContourChart(drawn, input(5, 1, 'mae'))).toBe(false);
    expect(updateContourChart(drawn, { ...input(5, 1), width: 500 })).toBe(false);
  });
});

describe('the loss along a moves in place while its axes hold', () => {
  const along = (n: number, c: number, loss: 'mae' | 'mse' = 'mse'): LandscapeInput => {
    const { at } = input(n, c, loss);
    return { data, at, path: walk(n, c).slice(-30), loss, domain: domain.a, width: 420, document: doc };
  };
  const marks = (f: Element) => ({
    lines: ['if-curve', 'if-trail', 'if-tangent'].map((m) => numbers(f.querySelector(`g.${m} path`)?.getAttribute('d'))),
    dots: [...f.querySelectorAll('g.if-trail-dots circle')].map((c) => ['cx', 'cy', 'fill-opacity'].map((k) => Number(c.getAttribute(k)))),
    here: [...f.querySelectorAll('g.if-here circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
  });

  it('the curve, the trail with one more dot, the tangent and the model: as a fresh drawing has them', () => {
    const moved = landscapeChart(along(5, 1)) as PlotFigure;
    const fresh = landscapeChart(along(6, 0.98));
    expect(fresh.getAttribute('data-top')).toBe(moved.getAttribute('data-top'));
    expect(marks(moved)).not.toEqual(marks(fresh));
    expect(updateLandscapeChart(moved, along(6, 0.98))).toBe(true);
    expectClose(marks(moved), marks(fresh));
    for (const k of ['aria-description', 'data-a', 'data-slope']) expect(moved.getAttribute(k)).toBe(fresh.getAttribute(k));
  });

  it('is drawn anew when the axis top steps, for another loss or width, and before it has a trail', () => {
    const drawn = landscapeChart(along(5, 1)) as PlotFigure;
    const far = along(5, 40);
    expect(landscapeChart(far).getAttribute('data-top')).not.toBe(drawn.getAttribute('data-top'));
    expect(updateLandscapeChart(drawn, far)).toBe(false);
    expect(updateLandscapeChart(drawn, along(5, 1, 'mae'))).toBe(false);
    expect(updateLandscapeChart(drawn, { ...along(5, 1), width: 500 })).toBe(false);
    expect(updateLandscapeChart(landscapeChart(along(0, 1)) as PlotFigure, along(3, 1))).toBe(false);
  });
});
