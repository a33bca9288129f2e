import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classChart, surfaceChart, updateClassChart, updateSurfaceChart } from '../../../src/plot';
import type { PlotFigure } from '../../../src/plot/fast-update';
import { linspace } from '../../../src/data';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;
const numbers = (d: string | null | undefined) => (d ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
const close = (a: number[], b: number[], tol = 0.01) => {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(tol));
};

const side = linspace(-1, 1, 9);
const lattice = (f: (x1: number, x2: number) => number) => side.flatMap((x2) => side.map((x1) => f(x1, x2)));
const points = { x1: [-0.5, 0.5], x2: [0.5, -0.5], label: [0, 1] };

describe('heat maps move in place as a fresh render would draw them', () => {
  it('class map: every cell takes its new colour and the P = ½ line is traced again', () => {
    const before = lattice((a, b) => 1 / (1 + Math.exp(-4 * (a + b))));
    const after = lattice((a, b) => 1 / (1 + Math.exp(-6 * (a * a + b * b - 0.4))));
    const input = { side, train: points, test: points, width: 400, document: doc };
    const moved = classChart({ ...input, probability: before }) as PlotFigure;
    const fresh = classChart({ ...input, probability: after });
    const fills = (f: Element) => [...f.querySelectorAll('g.if-cells rect')].map((r) => r.getAttribute('fill'));
    const line = (f: Element) => numbers(f.querySelector('g.if-boundary path')?.getAttribute('d'));
    expect(fills(moved)).not.toEqual(fills(fresh));
    expect(updateClassChart(moved, side, after)).toBe(true);
    expect(fills(moved)).toEqual(fills(fresh));
    expect(line(fresh).length).toBeGreaterThan(8);
    close(line(moved), line(fresh));
    // Without a boundary yet (no probabilities drawn), the map is drawn anew.
    expect(updateClassChart(classChart({ ...input, probability: null }) as PlotFigure, side, after)).toBe(false);
  });

  it('surface: the model panel takes its new colours and fold lines, one more or fewer as they cross the square', () => {
    const target = lattice((a, b) => a * b);
    const pred = (k: number) => lattice((a, b) => k * (a + b));
    const twoUnits = [
      [1, 1, 0, 1],
      [1, -1, 0.2, 1],
    ];
    const oneUnit = [
      [1, 1, 0, 1],
      [1, 0, 5, 1],
    ];
    const input = { side, target, width: 640, document: doc };
    const moved = surfaceChart({ ...input, prediction: pred(0.2), units: twoUnits }) as PlotFigure;
    const model = (f: Element) => [...(f.querySelectorAll('g.if-cells')[1]?.querySelectorAll('rect') ?? [])].map((r) => r.getAttribute('fill'));
    const folds = (f: Element) => [...f.querySelectorAll('g.if-folds path, g.if-folds line')].map((p) => numbers(p.getAttribute('d')));
    for (const [k, units] of [
      [0.5, oneUnit],
      [0.8, twoUnits],
    ] as const) {
      const fresh = surfaceChart({ ...input, prediction: pred(k), units });
      expect(updateSurfaceChart(moved, side, pred(k), units)).toBe(true);
      expect(model(moved)).toEqual(model(fresh));
      expect(folds(moved)).toHaveLength(folds(fresh).length);
      folds(moved).forEach((f, i) => close(f, folds(fresh)[i]!));
    }
    expect(folds(moved)).toHaveLength(2);
  });
});
