import * as Plot from '@observablehq/plot';
import { fitHeight } from './sizes';
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
  const [lo, hi] = domain;
  const curve = Array.from({ length: 121 }, (_, i) => {
    const a = lo + ((hi - lo) * i) / 120;
    return { a, loss: lossAndSlope(data, { ...at, a }, loss).loss };
  });
  const here = lossAndSlope(data, at, loss);
  const reach = (hi - lo) / 8;
  const tangent = [at.a - reach, at.a + reach].map((a) => ({ a, loss: here.loss + here.slope * (a - at.a) }));
  const trail = path.map((p, i) => ({ a: p.a, loss: lossAndSlope(data, p, loss).loss, age: path.length - i }));
  const top = Math.max(...curve.map((p) => p.loss));
  const figure = themedPlot({
    document,
    width,
    height: Math.round(fitHeight(width) * 0.6),
    marginLeft: 44,
    x: { domain: [lo, hi], label: 'a', grid: true },
    y: { domain: [0, top * 1.05], label: loss === 'mse' ? 'MSE' : 'MAE', grid: true },
    marks: [
      Plot.line(curve, { x: 'a', y: 'loss', stroke: 'currentColor', strokeOpacity: 0.6, strokeWidth: 1.5 }),
      Plot.line(trail, { x: 'a', y: 'loss', stroke: 'var(--if-data)', strokeOpacity: 0.5, clip: true }),
      Plot.dot(trail, {
        x: 'a',
        y: 'loss',
        r: 2.5,
        fill: 'var(--if-data)',
        fillOpacity: (d: { age: number }) => Math.max(0.15, 1 - d.age / 30),
        clip: true,
      }),
      Plot.line(tangent, { x: 'a', y: 'loss', stroke: 'var(--if-model)', strokeWidth: 2, clip: true, className: 'if-tangent' }),
      Plot.dot([{ a: at.a, loss: here.loss }], { x: 'a', y: 'loss', r: 5, fill: 'var(--if-model)', stroke: 'var(--if-data-ring)', clip: true }),
    ],
    ariaLabel: 'The loss along a, with its tangent where the model stands',
    ariaDescription: `The loss as a function of a alone, b = ${at.b.toFixed(3)} and c = ${at.c.toFixed(3)} held fixed. The model stands at a = ${at.a.toFixed(3)}, loss ${here.loss.toFixed(4)}; the tangent's slope there, ∂L/∂a, is ${here.slope.toFixed(4)}${path.length ? `; the dots are the last ${path.length} values of a` : ''}.`,
  });
  // Test hooks: where the model stands and the tangent's slope, as computed here.
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-slope', String(here.slope));
  figure.setAttribute('data-loss', loss);
  return figure;
}

export interface ContourInput {
  data: LandscapeInput['data'];
  /** Where the quadratic stands: c is held there, the map is over a and b. */
  at: LandscapeInput['at'];
  /** Every (a, b) the run has passed through, oldest first (thinned by the caller). */
  path: readonly { a: number; b: number }[];
  loss: 'mae' | 'mse';
  /** The ranges of a and b drawn. */
  domain: { a: readonly [number, number]; b: readonly [number, number] };
  width?: number;
  document?: Document;
}

/** Contour levels spaced evenly in log(loss) between the lowest and highest loss on a coarse grid of the map. */
function levels(f: (a: number, b: number) => number, { a, b }: ContourInput['domain'], count = 14): number[] {
  const values: number[] = [];
  for (let i = 0; i <= 24; i++) for (let j = 0; j <= 24; j++) values.push(f(a[0] + ((a[1] - a[0]) * i) / 24, b[0] + ((b[1] - b[0]) * j) / 24));
  const lo = Math.max(Math.min(...values), 1e-6);
  const hi = Math.max(...values);
  return Array.from({ length: count }, (_, k) => lo * (hi / lo) ** ((k + 0.5) / count));
}

/**
 * The loss over two parameters, a and b, with c held where it stands: contour lines (each a
 * constant loss, spaced evenly in its logarithm) and the path gradient descent has taken
 * through them, step by step, to where the model stands now.
 */
export function contourChart({ data, at, path, loss, domain, width = 640, document }: ContourInput): SVGSVGElement | HTMLElement {
  const f = (a: number, b: number) => lossAndSlope(data, { a, b, c: at.c }, loss).loss;
  const here = { a: at.a, b: at.b };
  const figure = themedPlot({
    document,
    width,
    height: Math.round(fitHeight(width) * 0.75),
    marginLeft: 44,
    x: { domain: [...domain.a], label: 'a', grid: true },
    y: { domain: [...domain.b], label: 'b', grid: true },
    marks: [
      Plot.contour({
        x1: domain.a[0],
        x2: domain.a[1],
        y1: domain.b[0],
        y2: domain.b[1],
        pixelSize: 6,
        value: f,
        thresholds: levels(f, domain),
        stroke: 'currentColor',
        strokeOpacity: 0.35,
        fill: 'none',
        className: 'if-contours',
      }),
      Plot.line([...path, here], { x: 'a', y: 'b', stroke: 'var(--if-data)', strokeWidth: 1.5, clip: true, className: 'if-path' }),
      Plot.dot(path, { x: 'a', y: 'b', r: 1.5, fill: 'var(--if-data)', clip: true }),
      Plot.dot([here], { x: 'a', y: 'b', r: 5, fill: 'var(--if-model)', stroke: 'var(--if-data-ring)', clip: true }),
    ],
    ariaLabel: 'The loss over a and b, with the path gradient descent has taken',
    ariaDescription: `Contour lines of the loss as a function of a and b, c = ${at.c.toFixed(3)} held fixed; each line is one loss, the lines spaced evenly in its logarithm. The model stands at a = ${at.a.toFixed(3)}, b = ${at.b.toFixed(3)}, loss ${f(at.a, at.b).toFixed(4)}${path.length ? `; the line behind it is its path over ${path.length} steps` : ''}.`,
  });
  // Test hooks: where the model stands, and how many steps the path shows.
  figure.setAttribute('data-a', String(at.a));
  figure.setAttribute('data-b', String(at.b));
  figure.setAttribute('data-path', String(path.length));
  return figure;
}
