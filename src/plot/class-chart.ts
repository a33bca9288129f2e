import * as Plot from '@observablehq/plot';
import { contours } from 'd3-contour';
import { geoPath } from 'd3-geo';
import { themedPlot } from './themed-plot';
import type { PlotFigure } from './fast-update';

type Points = { x1: readonly number[]; x2: readonly number[]; label: readonly number[] };

export interface ClassChartInput {
  /** Both axes' lattice points. */
  side: readonly number[];
  train: Points;
  test: Points;
  /** P(class 1) at each lattice point, x₁ varying fastest (null: not known yet). */
  probability: readonly number[] | null;
  width?: number;
  document?: Document;
}

/** Class 0 and class 1: a colour and a shape each, so neither colour nor shape alone carries the class. */
const CLASS_SYMBOL = ['circle', 'cross'] as const;

/**
 * Two classes in the plane: the model's P(class 1) as a heat map (blue for class 0 through
 * white to orange for class 1), its decision boundary (P = ½) as a solid line, the training
 * points filled and the test points hollow, each class with its own shape.
 */
export function classChart({ side, train, test, probability, width = 640, document }: ClassChartInput): SVGSVGElement | HTMLElement {
  const n = side.length;
  const half = (side[1]! - side[0]!) / 2;
  const lo = side[0]! - half;
  const hi = side.at(-1)! + half;
  const cells = (probability ?? []).map((p, i) => ({ x1: side[i % n]!, x2: side[Math.floor(i / n)]!, p }));
  const rows = (d: Points, part: string) => d.label.map((label, i) => ({ x1: d.x1[i]!, x2: d.x2[i]!, label, part }));
  const points = [...rows(train, 'train'), ...rows(test, 'test')];
  const size = Math.min(width, 560);
  return themedPlot({
    document,
    width: size,
    height: size,
    marginLeft: 40,
    marginBottom: 36,
    x: { domain: [lo, hi], label: 'x₁' },
    y: { domain: [lo, hi], label: 'x₂' },
    // Past the ends of P's range, so the map stays pale enough for the points to stand out on it.
    color: { type: 'diverging', scheme: 'PuOr', domain: [-0.4, 1.4], pivot: 0.5 },
    symbol: { domain: [0, 1], range: [...CLASS_SYMBOL] },
    marks: classMarks(cells, points, probability, [lo, hi], n, half),
    ariaLabel: 'The two classes and the model’s decision, as a map',
    ariaDescription: `${train.label.length} training points (filled) and ${test.label.length} test points (hollow): class 0 as circles, class 1 as crosses. ${
      probability
        ? `The background shades from purple (the model says class 0) to orange (class 1); the solid line is where it is undecided (P = ½).`
        : ''
    }`,
  });
}

type Cell = { x1: number; x2: number; p: number };
type Point = { x1: number; x2: number; label: number; part: string };

/** The map's cells, its boundary at P = ½ and the points. */
function classMarks(
  cells: Cell[],
  points: Point[],
  probability: readonly number[] | null,
  [lo, hi]: [number, number],
  n: number,
  half: number,
): Plot.Markish[] {
  return [
    Plot.rect(cells, {
      x1: (d) => d.x1 - half,
      x2: (d) => d.x1 + half,
      y1: (d) => d.x2 - half,
      y2: (d) => d.x2 + half,
      fill: 'p',
      inset: -0.4,
      shapeRendering: 'crispEdges',
      className: 'if-cells',
    }),
    ...(probability
      ? [
          Plot.contour(probability as number[], {
            x1: lo,
            y1: lo,
            x2: hi,
            y2: hi,
            width: n,
            height: n,
            thresholds: [0.5],
            stroke: 'currentColor',
            strokeWidth: 2,
            fill: 'none',
            className: 'if-boundary',
          }),
        ]
      : []),
    Plot.dot(points, {
      x: 'x1',
      y: 'x2',
      symbol: 'label',
      r: 3.5,
      stroke: (d) => (d.label === 1 ? '#b35806' : '#542788'),
      fill: (d) => (d.part === 'train' ? (d.label === 1 ? '#b35806' : '#542788') : 'none'),
      strokeWidth: 1.5,
      className: 'if-points',
    }),
    Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
  ];
}

/**
 * Moves a class map drawn by {@link classChart} to new probabilities in place: each cell's
 * colour, and the P = ½ line traced again the way Plot's contour mark traces it (d3-contour,
 * then from the lattice to the screen). Only colours and one path change, so the page is
 * repainted but not laid out. False (draw it anew) when the map has no cells of this lattice
 * or no boundary line yet.
 */
export function updateClassChart(figure: PlotFigure, side: readonly number[], probability: readonly number[]): boolean {
  const n = side.length;
  const cells = figure.querySelectorAll('g.if-cells rect');
  const boundary = figure.querySelector('g.if-boundary path');
  const [sx, sy, colour] = [figure.scale?.('x'), figure.scale?.('y'), figure.scale?.('color' as 'x')];
  if (cells.length !== n * n || probability.length !== n * n || !boundary || !sx || !sy || !colour) return false;
  probability.forEach((p, i) => cells[i]!.setAttribute('fill', String(colour.apply(p))));
  const half = (side[1]! - side[0]!) / 2;
  const [x1, x2] = [sx.apply(side[0]! - half), sx.apply(side.at(-1)! + half)];
  const [y1, y2] = [sy.apply(side[0]! - half), sy.apply(side.at(-1)! + half)];
  const line = contours()
    .size([n, n])
    .contour(probability as number[], 0.5);
  for (const polygon of line.coordinates) {
    for (const ring of polygon) {
      for (const point of ring) {
        point[0] = x1 + (point[0]! * (x2 - x1)) / n;
        point[1] = y1 + (point[1]! * (y2 - y1)) / n;
      }
    }
  }
  boundary.setAttribute('d', geoPath()(line) ?? '');
  return true;
}
