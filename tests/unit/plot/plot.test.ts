import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fitChart, lossChart, updateFitCurves, updateLossChart } from '../../../src/plot';
import { MAX_LOSS_POINTS, thin } from '../../../src/plot/loss-chart';
import { unitKinks } from '../../../src/plot/fit-chart';
import { fineCeil, linePath, niceCeil, type PlotFigure } from '../../../src/plot/fast-update';
import { compactSvg, PLOT_CLASS } from '../../../src/plot/themed-plot';
import { linspace } from '../../../src/data';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;
const numbers = (d: string | null | undefined) => (d ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);

const grid = [-2, -1, 0, 1, 2];
const data = { x: [-2, 0, 2], y: [4, 0, 4] };
const curvesA = [
  [2, 1, 0, 1, 2],
  [2, 1, 0, 0, 0],
  [0, 0, 0, 1, 2],
];
const curvesB = [
  [3, 1.5, 0.5, 1, 3.5],
  [3, 1.5, 0.5, 0, 0],
  [0, 0, 0, 1, 3.5],
];

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

  it('fit chart: a kink that leaves the grid, or comes back, moves in place like a fresh render', () => {
    const straight = [curvesB[0]!, curvesB[1]!, [0, 0.5, 1, 1.5, 2]];
    // Places to the pixel's tenth (a moved dot is rounded so), and colours.
    const kinks = (f: Element) =>
      [...f.querySelectorAll('g.if-kinks circle')].map((c) => [
        Math.round(Number(c.getAttribute('cx')) * 10) / 10,
        Math.round(Number(c.getAttribute('cy')) * 10) / 10,
        c.getAttribute('fill'),
      ]);
    const moved = fitChart({ data, grid, curves: curvesA, document: doc });
    expect(kinks(moved)).toHaveLength(2);
    expect(updateFitCurves(moved, grid, straight)).toBe(true);
    expect(kinks(moved)).toEqual(kinks(fitChart({ data, grid, curves: straight, document: doc })));
    expect(kinks(moved)).toHaveLength(1);
    expect(updateFitCurves(moved, grid, curvesB)).toBe(true);
    expect(kinks(moved)).toEqual(kinks(fitChart({ data, grid, curves: curvesB, document: doc })));
    expect(kinks(moved)).toHaveLength(2);
  });

  it('fit chart: the model and its units can move in two parts, which together equal moving all', () => {
    const units = (f: Element) => [...f.querySelectorAll('g.if-units path')].map((p) => p.getAttribute('d'));
    const model = (f: Element) => f.querySelector('g.if-prediction path')!.getAttribute('d');
    const moved = fitChart({ data, grid, curves: curvesA, document: doc });
    const [unitsA, modelA] = [units(moved), model(moved)];
    expect(updateFitCurves(moved, grid, curvesB, data, 'model')).toBe(true);
    expect(units(moved)).toEqual(unitsA);
    expect(model(moved)).not.toBe(modelA);
    expect(updateFitCurves(moved, grid, curvesB, data, 'units')).toBe(true);
    const all = fitChart({ data, grid, curves: curvesA, document: doc });
    expect(updateFitCurves(all, grid, curvesB, data)).toBe(true);
    // The same drawing, but for the clip paths' ids (numbered per chart drawn).
    const html = (f: Element) => f.outerHTML.replace(/plot-clip-\d+/g, 'plot-clip');
    expect(html(moved)).toBe(html(all));
  });

  it('fit chart: its units can move a share at a time (the kinks with the last share), which together equal moving all', () => {
    const units = (f: Element) => [...f.querySelectorAll('g.if-units path')].map((p) => p.getAttribute('d'));
    const kinks = (f: Element) => f.querySelector('g.if-kinks')!.innerHTML;
    const moved = fitChart({ data, grid, curves: curvesA, document: doc });
    const [unitsA, kinksA] = [units(moved), kinks(moved)];
    expect(updateFitCurves(moved, grid, curvesB, data, { from: 0, to: 1 })).toBe(true);
    expect(units(moved)[0]).not.toBe(unitsA[0]);
    expect(units(moved)[1]).toBe(unitsA[1]);
    expect(kinks(moved)).toBe(kinksA);
    expect(updateFitCurves(moved, grid, curvesB, data, { from: 1, to: 2 })).toBe(true);
    const all = fitChart({ data, grid, curves: curvesA, document: doc });
    expect(updateFitCurves(all, grid, curvesB, data, 'units')).toBe(true);
    expect(units(moved)).toEqual(units(all));
    expect(kinks(moved)).toBe(kinks(all));
    expect(kinks(all)).not.toBe(kinksA);
  });

  it('fit chart: a figure without curves cannot be moved (it is redrawn)', () => {
    const empty = fitChart({ data, grid, curves: null, document: doc });
    expect(updateFitCurves(empty, grid, curvesB)).toBe(false);
  });

  it('loss chart: moves within its domains, asks for a redraw beyond them', () => {
    const rows = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ step: i, loss: f(i) }));
    const figure = lossChart({ rows: rows(8, (i) => 5 - 0.1 * i), document: doc }) as HTMLElement;
    expect(updateLossChart(figure, { rows: rows(10, (i) => 5 - 0.2 * i), log: false })).toBe(true);
    const fresh = lossChart({ rows: rows(10, (i) => 5 - 0.2 * i), document: doc });
    const d = (f: Element) => numbers(f.querySelector('g.if-loss path')?.getAttribute('d'));
    d(figure).forEach((v, i) => expect(Math.abs(v - d(fresh)[i]!)).toBeLessThan(0.01));
    // Step 11 is past the x domain [0, 10]: the chart must be redrawn.
    expect(updateLossChart(figure, { rows: rows(12, () => 1), log: false })).toBe(false);
    // Switching to a log scale is a redraw too.
    expect(updateLossChart(figure, { rows: rows(10, () => 1), log: true })).toBe(false);
  });

  it('loss chart of several series: each line moves within the domains, and a new series count is a redraw', () => {
    const rows = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ step: i, loss: f(i) }));
    const two = (n: number, k: number) => [
      { name: 'train', rows: rows(n, (i) => 5 - k * i) },
      { name: 'test', rows: rows(n, (i) => 6 - k * i) },
    ];
    const figure = lossChart({ rows: [], series: two(8, 0.1), document: doc }) as HTMLElement;
    expect(updateLossChart(figure, { rows: [], series: two(10, 0.2) })).toBe(true);
    const fresh = lossChart({ rows: [], series: two(10, 0.2), document: doc });
    const lines = (f: Element) => [...f.querySelectorAll('g.if-series path')].map((p) => numbers(p.getAttribute('d')));
    const dots = (f: Element) =>
      [...f.querySelectorAll('g.if-series-last circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(lines(figure)).toHaveLength(2);
    lines(figure).forEach((l, i) => l.forEach((v, j) => expect(Math.abs(v - lines(fresh)[i]![j]!)).toBeLessThan(0.01)));
    dots(figure).forEach((p, i) => p.forEach((v, j) => expect(Math.abs(v - dots(fresh)[i]![j]!)).toBeLessThan(0.01)));
    expect(figure.querySelector('svg')!.getAttribute('aria-description')).toBe(fresh.querySelector('svg')!.getAttribute('aria-description'));
    expect(updateLossChart(figure, { rows: [], series: two(12, 0.2) })).toBe(false);
    expect(updateLossChart(figure, { rows: [], series: two(10, 0.2).slice(0, 1) })).toBe(false);
  });

  it("a path in place is written with the scale's own numbers: the inlined linear y gives exactly what apply gives", () => {
    const ys = linspace(-1.37, 2.91, 57).map((v) => v ** 3 / 7 + 0.1);
    const xs = linspace(-2, 2, 57);
    for (const yDomain of [
      [-3, 5],
      [0.001, 0.3],
    ] as const) {
      const figure = fitChart({ data, grid, curves: curvesA, unitNames: ['u1', 'u2'], yDomain, width: 517, document: doc }) as PlotFigure;
      const [sx, sy] = [figure.scale!('x')!, figure.scale!('y')!];
      const r3 = (v: number) => String(Math.round(v * 1000) / 1000);
      const expected = xs.map((x, i) => `${i ? 'L' : 'M'}${r3(sx.apply(x))},${r3(sy.apply(ys[i]!))}`).join('');
      expect(linePath(figure, xs, ys)).toBe(expected);
    }
  });

  it('fineCeil rounds up on a ladder of at most 20 % steps', () => {
    expect([0.0101, 1, 1.01, 1.21, 2.6, 3.1, 7, 9.5, 81].map(fineCeil)).toEqual([0.012, 1, 1.2, 1.5, 3, 4, 8, 10, 100]);
  });

  it('niceCeil rounds up to 1, 2, 5 times a power of ten', () => {
    expect([0.7, 1, 1.2, 3, 7, 10, 11, 499, 501].map(niceCeil)).toEqual([1, 1, 2, 5, 10, 10, 20, 500, 1000]);
  });
});

describe('charts for the static page', () => {
  it('carry no <style> of their own, only the class site.css styles', () => {
    const figure = fitChart({ data, grid, curves: curvesA, document: doc });
    expect(figure.querySelectorAll('style')).toHaveLength(0);
    expect(figure.getAttribute('class')).toBe(PLOT_CLASS);
  });

  it('compactSvg rounds coordinates to a tenth and draws straight runs as one segment', () => {
    const markup = '<svg><path d="M0,10.04L1,10.04L2,10.04L3,10.04L4,12.66666L5,15.3333"/><circle cx="1.23456" cy="-0.04999" r="3"/></svg>';
    // The flat run 0..3 keeps its ends; 3..5 is straight too (slope 2.6667): its middle goes.
    expect(compactSvg(markup)).toBe('<svg><path d="M0,10L3,10L5,15.3"/><circle cx="1.2" cy="0" r="3"/></svg>');
  });

  it('compactSvg keeps every bend that shows, and leaves labels and descriptions exactly as written', () => {
    const ys = grid.map((x) => x * x);
    const markup = `<svg aria-description="Loss from 25.7512 to 0.65931."><path d="${grid.map((x, i) => `${i ? 'L' : 'M'}${x},${ys[i]}`).join('')}"/><text x="3.14159">0.123456</text></svg>`;
    const out = compactSvg(markup);
    expect(out).toContain('aria-description="Loss from 25.7512 to 0.65931."');
    expect(out).toContain('>0.123456</text>');
    expect(out).toContain('x="3.1"');
    expect(numbers(out.match(/ d="([^"]*)"/)![1])).toEqual([-2, 4, -1, 1, 0, 0, 1, 1, 2, 4]);
  });

  it('compactSvg draws the same picture: every point of the curve lies on the line drawn, to within the tolerance and the rounding', () => {
    const xs = linspace(-2, 2, 201);
    const figure = fitChart({ data, grid: xs, curves: [xs.map((x) => Math.max(0, x) + Math.sin(3 * x) / 50)], document: doc });
    const before = [...figure.querySelectorAll('g.if-prediction path')].map((p) => p.getAttribute('d')!);
    const after = before.map((d) => compactSvg(`<path d="${d}"/>`).match(/ d="([^"]*)"/)![1]!);
    expect(before).toHaveLength(1);
    const points = (d: string) =>
      d
        .slice(1)
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]);
    let dropped = 0;
    before.forEach((d, k) => {
      const kept = points(after[k]!);
      for (const [x, y] of points(d)) {
        // The segment of the compacted line over this x.
        const i = Math.max(
          1,
          kept.findIndex(([kx]) => kx >= x - 1e-9),
        );
        const [[x0, y0], [x1, y1]] = [kept[i - 1]!, kept[i]!];
        const onLine = x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
        // Within the tolerance, plus the rounding of the kept ends to a tenth.
        expect(Math.abs(onLine - y)).toBeLessThan(0.05 + 0.1);
      }
      dropped += points(d).length - kept.length;
    });
    expect(dropped).toBeGreaterThan(0);
  });

  it('loss points are thinned evenly over the steps, however densely the rows come', () => {
    // Dense at both ends, sparse in the middle: what a long run's history holds.
    const rows = [
      ...Array.from({ length: 5000 }, (_, i) => ({ step: i })),
      ...Array.from({ length: 100 }, (_, i) => ({ step: 5000 + 900 * i })),
      ...Array.from({ length: 1000 }, (_, i) => ({ step: 95_000 + i })),
    ];
    const kept = thin(rows, MAX_LOSS_POINTS);
    expect(kept.length).toBeLessThanOrEqual(MAX_LOSS_POINTS + 1);
    expect(kept[0]!.step).toBe(0);
    expect(kept.at(-1)!.step).toBe(95_999);
    // No stretch of the run is left with fewer points than its share (every gap ≤ 1/100 of the run).
    const gaps = kept.slice(1).map((r, i) => r.step - kept[i]!.step);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(960);
    expect(kept.filter((r) => r.step < 5000).length).toBeLessThan(40);
  });
});

describe("a unit's kink, read off its curve", () => {
  const xs = linspace(-2.2, 2.2, 89);
  const relu = (m: number, b: number, w: number) => xs.map((x) => w * Math.max(0, m * x + b));

  it('lies where m·x + b = 0, between grid points too, on the unit’s own line', () => {
    const cases = [
      [1, 0.3, 2],
      [-2, 1.1, -0.7],
      [0.5, -0.05, 1],
      [3, 3 * 0.9, 0.2],
    ];
    const kinks = unitKinks(
      xs,
      cases.map(([m, b, w]) => relu(m!, b!, w!)),
    );
    expect(kinks.map((k) => k.unit)).toEqual([0, 1, 2, 3]);
    kinks.forEach((k, u) => {
      const [m, b] = cases[u]!;
      expect(k.x).toBeCloseTo(-b! / m!, 9);
      expect(k.y).toBeCloseTo(0, 9);
    });
  });

  it('also for a unit lifted by a constant (chapter 5 draws each share at the curve’s height)', () => {
    const [k] = unitKinks(xs, [relu(-1.5, -0.6, 0.8).map((y) => y + 5)]);
    expect(k!.x).toBeCloseTo(-0.4, 9);
    expect(k!.y).toBeCloseTo(5, 9);
  });

  it('is absent for a straight unit, a dead one, or one whose kink lies off the grid', () => {
    expect(unitKinks(xs, [xs.map((x) => 0.3 * x + 1), relu(1, -5, 1), xs.map(() => 0), relu(1, 2.5, 1)])).toEqual([]);
  });

  it('a redraw with moved kinks matches a fresh chart, dots included', () => {
    const a = [relu(1, 0, 1), relu(1, 0, 1), relu(-1, 0.5, 1)];
    const b = [relu(1, 0.4, 1), relu(1, 0.4, 1), relu(-1, -0.3, 1)];
    const moved = fitChart({ data, grid: xs, curves: a, document: doc });
    expect(updateFitCurves(moved, xs, b)).toBe(true);
    const fresh = fitChart({ data, grid: xs, curves: b, document: doc });
    const dots = (f: Element) =>
      [...f.querySelectorAll('g.if-kinks circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(dots(moved)).toHaveLength(2);
    dots(moved).forEach(([x, y], i) => {
      expect(x).toBeCloseTo(dots(fresh)[i]![0]!, 0);
      expect(y).toBeCloseTo(dots(fresh)[i]![1]!, 0);
    });
  });
});
