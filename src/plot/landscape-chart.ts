import * as Plot from '@observablehq/plot';
import { fineCeil, linePath, setDots, svgOf, type PlotFigure } from './fast-update';
import { landscapeHeight } from './sizes';
import { themedPlot } from './themed-plot';

export interface LandscapeInput {
  data: { x: readonly number[]; y: readonly number[] };
  /** Where the quadratic a·x² + b·x + c stands now. */
  at: { a: number; b: number; c: number };
  /** The values of a the run has passed through, oldest first, each with its own b and c. */
  path: readonly { a: number; b: number; c: number }[];
  loss: 'mae' | 'mse';
  /** The range of a drawn. */
  domain: readonly [number, number];
  width?: number;
  document?: Document;
}

/** The loss of a·x² + b·x + c on the data, and its derivative in a (the formulas chapter 2 writes out). */
export function lossAndSlope(data: LandscapeInput['data'], { a, b, c }: LandscapeInput['at'], loss: 'mae' | 'mse'): { loss: number; slope: number } {
  let total = 0;
  let slope = 0;
  data.x.forEach((x, i) => {
    const miss = a * x * x + b * x + c - data.y[i]!;
    total += loss === 'mse' ? miss * miss : Math.abs(miss);
    slope += (loss === 'mse' ? 2 * miss : Math.sign(miss)) * x * x;
  });
  const n = data.x.length;
  return { loss: total / n, slope: slope / n };
}

/**
 * The loss along one parameter, a, with b and c held where they stand: the curve, the
 * point the model is at, the tangent there (its slope is ∂L/∂a, the number gradient
 * descent follows), and the last steps' values of a as fading dots. Each dot sits at the
 * loss it had then, on the curve of its own b and c.
 */
export function landscapeChart({ data, at, path, loss, domain, width = 640, document }: LandscapeInput): SVGSVGElement | HTMLElement {
  const { curve, here, tangent, trail, top } = landscapeMarks(data, at, path, loss, domain);
  const figure = themedPlot({
    document,
    width,
    height: landscapeHeight(width),
    marginLeft: 44,
    x: { domain: [...domain], label: 'a', grid: true },
    y: { domain: [0, top], label: loss === 'mse' ? 'MSE' : 'MAE', grid: true },
    marks: [
      Plot.line(curve, { x: 'a', y: 'loss', stroke: 'currentColor', strokeOpacity: 0.6, strokeWidth: 1.5, className: 'if-curve' }),
      Plot.line(trail, { x: 'a', y: 'loss', stroke: 'var(--if-data)', strokeOpacity: 0.5, clip: true, className: 'if-trail' }),
      Plot.dot(trail, {
        x: 'a',
        y: 'loss',
        r: 2.5,
        fill: 'var(--if-data)',
        fillOpacity: (d: { age: number }) => trailOpacity(d.age),
        clip: true,
        className: 'if-trail-dots',
      }),
      Plot.line(tangent, { x: 'a', y: 'loss', stroke: 'var(--if-model)', strokeWidth: 2, clip: true, className: 'if-tangent' }),
      Plot.dot([{ a: at.a, loss: here.loss }], {
        x: 'a',
        y: 'loss',
        r: 5,
        fill: 'var(--if-model)',
        stroke: 'var(--if-data-ring)',
        clip: true,
        className: 'if-here',
      }),
    ],
    ariaLabel: 'The loss along a, with its tangent where the model stands',
    ariaDescription: landscapeDescription(at, here, path.length),
  });
  // Test hooks: where the model stands and the tangent's slope, as computed here; and what it was drawn for.
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-slope', String(here.slope));
  figure.setAttribute('data-loss', loss);
  figure.setAttribute('data-width', String(width));
  figure.setAttribute('data-top', String(top));
  return figure;
}

const trailOpacity = (age: number) => Math.max(0.15, 1 - age / 30);

/** What the chart of the loss along a draws: the curve over the range, the model's point and tangent, the trail, and the axis top. */
function landscapeMarks(
  data: LandscapeInput['data'],
  at: LandscapeInput['at'],
  path: LandscapeInput['path'],
  loss: 'mae' | 'mse',
  domain: readonly [number, number],
) {
  const [lo, hi] = domain;
  const curve = Array.from({ length: 121 }, (_, i) => {
    const a = lo + ((hi - lo) * i) / 120;
    return { a, loss: lossAndSlope(data, { ...at, a }, loss).loss };
  });
  const here = lossAndSlope(data, at, loss);
  const reach = (hi - lo) / 8;
  const tangent = [at.a - reach, at.a + reach].map((a) => ({ a, loss: here.loss + here.slope * (a - at.a) }));
  const trail = path.map((p, i) => ({ a: p.a, loss: lossAndSlope(data, p, loss).loss, age: path.length - i }));
  // The axis top steps on a fine ladder, so it holds while b and c move the curve a little (and the chart moves in place).
  const top = fineCeil(Math.max(...curve.map((p) => p.loss)) * 1.05);
  return { curve, here, tangent, trail, top };
}

function landscapeDescription(at: LandscapeInput['at'], here: { loss: number; slope: number }, trail: number): string {
  return `The loss as a function of a alone, b = ${at.b.toFixed(3)} and c = ${at.c.toFixed(3)} held fixed. The model stands at a = ${at.a.toFixed(3)}, loss ${here.loss.toFixed(4)}; the tangent's slope there, ∂L/∂a, is ${here.slope.toFixed(4)}${trail ? `; the dots are the last ${trail} values of a` : ''}.`;
}

/**
 * Moves a chart drawn by {@link landscapeChart} in place while its axes hold (the same loss,
 * width and axis top): the curve, the trail and its dots, the tangent and the model's dot.
 * False (draw it anew) otherwise, or before the first trail dot is drawn.
 */
export function updateLandscapeChart(figure: PlotFigure, { data, at, path, loss, domain, width = 640 }: LandscapeInput): boolean {
  const { curve, here, tangent, trail, top } = landscapeMarks(data, at, path, loss, domain);
  const [sx, sy] = [figure.scale?.('x'), figure.scale?.('y')];
  const dots = figure.querySelector('g.if-trail-dots');
  const point = figure.querySelector('g.if-here circle');
  const held = [
    ['data-loss', loss],
    ['data-width', String(width)],
    ['data-top', String(top)],
  ].every(([k, v]) => figure.getAttribute(k!) === v);
  if (!held || !sx || !sy || !dots?.firstElementChild || !point || trail.length === 0) return false;
  const set = (mark: string, points: readonly { a: number; loss: number }[]) =>
    figure.querySelector(`g.${mark} path`)?.setAttribute(
      'd',
      linePath(
        figure,
        points.map((p) => p.a),
        points.map((p) => p.loss),
      ) ?? '',
    );
  set('if-curve', curve);
  set('if-trail', trail);
  set('if-tangent', tangent);
  setDots(
    dots,
    trail.map((p) => ({ cx: sx.apply(p.a), cy: sy.apply(p.loss), 'fill-opacity': trailOpacity(p.age) })),
  );
  setDots(point.parentElement, [{ cx: sx.apply(at.a), cy: sy.apply(here.loss) }]);
  svgOf(figure)?.setAttribute('aria-description', landscapeDescription(at, here, path.length));
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-slope', String(here.slope));
  return true;
}
