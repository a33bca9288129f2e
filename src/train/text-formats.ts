/**
 * Settings written as text: a list of hidden layers ("8:tanh,4:relu") and a pasted CSV.
 * Each parser gives the canonical text (what the URL keeps) or a reason the reader can act
 * on; the experiment reads the canonical text back with the `…Of` functions.
 */
import { ACTIVATION_NAMES, type ActivationName } from './activation-names';

export const MAX_LAYERS = 8;
export const MAX_WIDTH = 64;

export interface HiddenLayer {
  units: number;
  activation: ActivationName;
}

type Parsed = { value: string } | { error: string };

const LAYER = /^(\d+)(?::([a-z]+))?$/;

/** "8:tanh,4:relu" (activation ReLU when left out; '' for no hidden layer) → its canonical form. */
export function parseLayers(raw: string): Parsed {
  const text = raw.replace(/\s+/g, '');
  if (text === '') return { value: '' };
  const parts = text.split(',');
  if (parts.length > MAX_LAYERS) return { error: `has ${parts.length} layers; at most ${MAX_LAYERS}` };
  const layers: string[] = [];
  for (const [i, part] of parts.entries()) {
    const m = LAYER.exec(part.toLowerCase());
    if (!m) return { error: `layer ${i + 1} (${JSON.stringify(part)}) is not units:activation, like 8:tanh` };
    const units = Number(m[1]);
    const activation = m[2] ?? 'relu';
    if (units < 1 || units > MAX_WIDTH) return { error: `layer ${i + 1} has ${units} units; each layer has 1 to ${MAX_WIDTH}` };
    if (!(ACTIVATION_NAMES as string[]).includes(activation)) {
      return { error: `layer ${i + 1}: ${JSON.stringify(activation)} is not one of ${ACTIVATION_NAMES.join(', ')}` };
    }
    layers.push(`${units}:${activation}`);
  }
  return { value: layers.join(',') };
}

/** The layers of a canonical layer list. */
export function layersOf(canonical: string): HiddenLayer[] {
  if (canonical === '') return [];
  return canonical.split(',').map((part) => {
    const [units, activation] = part.split(':');
    return { units: Number(units), activation: activation as ActivationName };
  });
}

export const formatLayers = (layers: readonly HiddenLayer[]): string => layers.map((l) => `${l.units}:${l.activation}`).join(',');

export const CSV_MIN_ROWS = 4;
export const CSV_MAX_ROWS = 500;

/** A pasted table: x, y (a curve to fit) or x1, x2, label (label 0 or 1: two classes). */
export type CsvData = { kind: 'curve'; x: number[]; y: number[] } | { kind: 'classes'; x1: number[]; x2: number[]; label: number[] };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Rows of two or three numbers, split by commas, semicolons, tabs or spaces; a first row that
 * is not numbers is a header and skipped; blank lines are skipped. Canonical: rows of
 * comma-separated numbers, one per line, as typed.
 */
export function parseCsv(raw: string): Parsed {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const rows = lines.map((l) => l.split(/\s*[,;\t ]\s*/));
  if (rows.length > 0 && !rows[0]!.every((c) => NUMBER.test(c))) rows.shift();
  if (rows.length < CSV_MIN_ROWS) return { error: `has ${rows.length} rows of numbers; paste at least ${CSV_MIN_ROWS}` };
  if (rows.length > CSV_MAX_ROWS) return { error: `has ${rows.length} rows; at most ${CSV_MAX_ROWS}` };
  const width = rows[0]!.length;
  if (width !== 2 && width !== 3) return { error: `rows have ${width} values; use two (x, y) or three (x1, x2, label)` };
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) return { error: `row ${i + 1} has ${row.length} values, the first row ${width}` };
    const bad = row.find((c) => !NUMBER.test(c) || !Number.isFinite(Number(c)));
    if (bad !== undefined) return { error: `row ${i + 1}: ${JSON.stringify(bad.slice(0, 20))} is not a number` };
    if (width === 3 && row[2] !== '0' && row[2] !== '1') return { error: `row ${i + 1}: the label is ${JSON.stringify(row[2])}; labels are 0 or 1` };
  }
  if (width === 3 && new Set(rows.map((r) => r[2])).size < 2) return { error: 'has one label only; a classifier needs rows of both 0 and 1' };
  return { value: rows.map((r) => r.join(',')).join('\n') };
}

/** The table a canonical CSV holds. */
export function csvOf(canonical: string): CsvData {
  const rows = canonical.split('\n').map((l) => l.split(',').map(Number));
  if (rows[0]!.length === 2) return { kind: 'curve', x: rows.map((r) => r[0]!), y: rows.map((r) => r[1]!) };
  return { kind: 'classes', x1: rows.map((r) => r[0]!), x2: rows.map((r) => r[1]!), label: rows.map((r) => r[2]!) };
}

export const TEXT_FORMATS = { layers: parseLayers, csv: parseCsv } as const;
export type TextFormat = keyof typeof TEXT_FORMATS;
