/**
 * The playground's data, assembled from its settings: a curve (1-D regression), a surface
 * (2-D regression) or two classes in the plane; split into train and test rows; inputs
 * mapped to the chosen features; and the grid the model's output is drawn over.
 */
import { datasetQ1, datasetQ2, datasetSine, linspace, THERMOMETER_C, THERMOMETER_U } from '../data';
import { CLASSIFICATION_SETS, classificationSet, trainTestSplit, type ClassificationSet } from '../data/classification';
import { FEATURES, featureRows, type FeatureName } from '../data/features';
import { SURFACES } from './relu-surface';
import { seriesValues } from './settings';
import { csvOf } from './text-formats';
import { DRAWN_X, type DatasetName } from './playground-spec';

/** The surface set: the bump of chapter 4 on its 21 × 21 grid. */
const SURFACE_SIDE = linspace(-2, 2, 21);
/** The classification heat map: 25 × 25 cells over the data's square. */
const CLASS_SIDE = 25;

/** What the playground needs from its settings to build the data. */
export interface DataSettings {
  data: DatasetName;
  points: number;
  noise: number;
  split: number;
  dataSeed: number;
  drawn: string;
  csv: string;
  features: FeatureName[];
}

export type PlaygroundData = {
  /** Rows of the model's input (features applied), row-major, and the targets. */
  train: { x: number[]; y: number[]; rows: number };
  test: { x: number[]; y: number[]; rows: number };
  /** Grid rows to evaluate the model on (features applied), row-major. */
  grid: { x: number[]; rows: number };
  /** The input names the first layer sees. */
  inputs: string[];
} & (
  | { kind: 'curve'; shown: { train: XY; test: XY }; gridX: number[] }
  | { kind: 'surface'; side: number[]; target: number[] }
  | { kind: 'classes'; side: number[]; shown: { train: Points; test: Points } }
);
type XY = { x: number[]; y: number[] };
export type Points = { x1: number[]; x2: number[]; label: number[] };

const pick = <T>(values: readonly T[], idx: readonly number[]): T[] => idx.map((i) => values[i]!);

function curve(x: number[], y: number[], s: DataSettings): PlaygroundData {
  const { train, test } = trainTestSplit(x.length, s.split, s.dataSeed);
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  const pad = (hi - lo) * 0.05 || 1;
  const gridX = linspace(lo - pad, hi + pad, 101);
  const part = (idx: number[]) => ({ x: pick(x, idx), y: pick(y, idx), rows: idx.length });
  return {
    kind: 'curve',
    train: part(train),
    test: part(test),
    grid: { x: gridX, rows: gridX.length },
    inputs: ['x'],
    // A drawn curve shows all its points (the drawing starts from them); the test points are ringed over it.
    shown: { train: s.data === 'drawn' ? { x, y } : { x: pick(x, train), y: pick(y, train) }, test: { x: pick(x, test), y: pick(y, test) } },
    gridX,
  };
}

/** The square the heat map covers: the points' extent and a margin, the same on both axes. */
function squareAround(x1: readonly number[], x2: readonly number[]): number[] {
  const lo = Math.min(...x1, ...x2);
  const hi = Math.max(...x1, ...x2);
  const pad = (hi - lo) * 0.05 || 1;
  return linspace(lo - pad, hi + pad, CLASS_SIDE);
}

/** The x₁ and x₂ of a side × side lattice, x₁ varying fastest. */
const lattice = (side: number[]) => ({ x1: side.flatMap(() => side), x2: side.flatMap((b) => side.map(() => b)) });

/** Points of the plane with targets, split and mapped to the features; the model is drawn over the lattice of `side`. */
function inPlane(x1: number[], x2: number[], y: number[], side: number[], s: DataSettings) {
  const { train, test } = trainTestSplit(y.length, s.split, s.dataSeed);
  const part = (idx: number[]) => ({ x: featureRows(pick(x1, idx), pick(x2, idx), s.features), y: pick(y, idx), rows: idx.length });
  const grid = lattice(side);
  return {
    split: { train, test },
    train: part(train),
    test: part(test),
    grid: { x: featureRows(grid.x1, grid.x2, s.features), rows: grid.x1.length },
    inputs: s.features.map((f) => FEATURES[f].label),
  };
}

function plane(p: Points, side: number[], s: DataSettings): PlaygroundData {
  const { split, ...parts } = inPlane(p.x1, p.x2, p.label, side, s);
  const shown = (idx: number[]) => ({ x1: pick(p.x1, idx), x2: pick(p.x2, idx), label: pick(p.label, idx) });
  return { kind: 'classes', ...parts, side, shown: { train: shown(split.train), test: shown(split.test) } };
}

function surface(s: DataSettings): PlaygroundData {
  const side = SURFACE_SIDE;
  const { x1, x2 } = lattice(side);
  const target = x1.map((a, i) => SURFACES.bump.f(a, x2[i]!));
  const { split: _split, ...parts } = inPlane(x1, x2, target, side, s);
  return { kind: 'surface', ...parts, side, target };
}

/** The data the settings name; the classification sets and the surface need at least one feature. */
export function playgroundData(s: DataSettings): PlaygroundData {
  switch (s.data) {
    case 'q1':
    case 'q2': {
      const d = s.data === 'q1' ? datasetQ1() : datasetQ2();
      return curve(d.x, d.y, s);
    }
    case 'sine': {
      const d = datasetSine(s.points);
      return curve(d.x, d.y, s);
    }
    case 'thermo':
      return curve(
        THERMOMETER_U.map((u) => 0.1 * u),
        [...THERMOMETER_C],
        s,
      );
    case 'drawn': {
      const drawn = seriesValues(s.drawn);
      return curve(DRAWN_X, drawn.length === DRAWN_X.length ? drawn : DRAWN_X.map(() => 0), s);
    }
    case 'surface':
      return surface(s);
    case 'csv': {
      if (s.csv === '') throw new RangeError('No CSV yet: paste rows of x, y (a curve) or x1, x2, label (two classes) into “Your CSV”.');
      const t = csvOf(s.csv);
      return t.kind === 'curve' ? curve(t.x, t.y, s) : plane(t, squareAround(t.x1, t.x2), s);
    }
    default: {
      const p = classificationSet(s.data as ClassificationSet, { n: s.points, noise: s.noise, seed: s.dataSeed });
      return plane(p, squareAround(p.x1, p.x2), s);
    }
  }
}

export const isClassification = (d: DatasetName): boolean => d in CLASSIFICATION_SETS;
