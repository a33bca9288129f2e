/**
 * A demo's settings, declared once: the page builds its controls from them, the URL
 * stores them, the worker trains with them. Parsing refuses what is out of range or
 * malformed, with a message the reader can act on, and keeps the default instead.
 */

interface SettingBase {
  key: string;
  label: string;
  /** One sentence for the control's description. */
  help?: string;
}

export interface NumberSetting extends SettingBase {
  kind: 'number';
  min: number;
  max: number;
  default: number;
  /** A log-scale slider suits learning rates, which span orders of magnitude. */
  scale?: 'linear' | 'log';
  integer?: boolean;
  /** Slider step for linear sliders (default: 1/200 of the range, or 1 for integers). */
  step?: number;
}

export interface BooleanSetting extends SettingBase {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceSetting extends SettingBase {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
  default: string;
}

/**
 * A list of numbers the reader makes on a chart (a drawn curve), with no control of its
 * own: stored as comma-separated numbers, '' while nothing has been drawn.
 */
export interface SeriesSetting extends SettingBase {
  kind: 'series';
  length: number;
  min: number;
  max: number;
  default: '';
}

export type SettingSpec = NumberSetting | BooleanSetting | ChoiceSetting | SeriesSetting;
export type SettingValue = number | boolean | string;
export type Settings = Record<string, SettingValue>;

export function defaults(specs: readonly SettingSpec[]): Settings {
  return Object.fromEntries(specs.map((s) => [s.key, s.default]));
}

/** A number written in decimal notation: digits, an optional point and fraction, an optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text from a link or a field as a message quotes it: at most 40 characters. */
export function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

/**
 * Reads a decimal number strictly: no hex, binary or `Infinity`, and nothing that only
 * becomes a number by overflowing to ±∞ or underflowing to 0 (`1e400`, `1e-400`).
 */
export function parseDecimal(raw: string): { value: number } | { error: string } {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return { error: 'is not a number in decimal notation' };
  const v = Number(text);
  if (!Number.isFinite(v)) return { error: 'is too large to be a number here' };
  if (v === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) return { error: 'is too small to be a number here (it would round to 0)' };
  return { value: v };
}

/** Checks one raw string against its spec: the value, or the reason it was refused. */
export function parseSetting(spec: SettingSpec, raw: string): { value: SettingValue } | { error: string } {
  const quoted = quote(raw);
  switch (spec.kind) {
    case 'number': {
      const parsed = parseDecimal(raw);
      if ('error' in parsed) return { error: `${spec.label}: ${quoted} ${parsed.error}` };
      const v = parsed.value;
      if (spec.integer && !Number.isInteger(v)) return { error: `${spec.label}: ${quoted} is not a whole number` };
      if (v < spec.min || v > spec.max) {
        return { error: `${spec.label}: ${v} is outside the allowed range ${spec.min} to ${spec.max}` };
      }
      return { value: v };
    }
    case 'boolean':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: `${spec.label}: ${quoted} is not on/off (use 1 or 0)` };
    case 'choice': {
      const option = spec.options.find((o) => o.value === raw);
      if (!option) return { error: `${spec.label}: ${quoted} is not one of ${spec.options.map((o) => o.value).join(', ')}` };
      return { value: option.value };
    }
    case 'series': {
      if (raw === '') return { value: '' };
      const parts = raw.split(',');
      if (parts.length !== spec.length) return { error: `${spec.label}: has ${parts.length} values, not ${spec.length}` };
      const values = parts.map((p) => {
        const parsed = parseDecimal(p);
        return 'value' in parsed ? parsed.value : Number.NaN;
      });
      const bad = values.findIndex((v) => !Number.isFinite(v) || v < spec.min || v > spec.max);
      if (bad >= 0) return { error: `${spec.label}: value ${bad + 1} (${JSON.stringify(parts[bad])}) is not a number from ${spec.min} to ${spec.max}` };
      return { value: formatSeries(values) };
    }
  }
}

/** A series as its setting stores it: two decimals, no trailing zeros. */
export function formatSeries(values: readonly number[]): string {
  return values.map((v) => String(Math.round(v * 100) / 100)).join(',');
}

/** The numbers of a series setting's value ([] for ''). */
export function seriesValues(value: SettingValue | undefined): number[] {
  return typeof value === 'string' && value !== '' ? value.split(',').map(Number) : [];
}

/**
 * Reads `prefix.key` parameters from a URL query. Unknown keys under the prefix are
 * reported too (a typo in a shared link should not pass silently), and so is a key given
 * more than once: none of its values is used, since the link does not say which it meant.
 */
export function settingsFromQuery(
  specs: readonly SettingSpec[],
  query: URLSearchParams,
  prefix: string,
): { settings: Settings; errors: string[] } {
  const settings = defaults(specs);
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!name.startsWith(`${prefix}.`) || seen.has(name)) continue;
    seen.add(name);
    const key = name.slice(prefix.length + 1);
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      errors.push(`${quote(name)} is not a setting of this demo`);
      continue;
    }
    const values = query.getAll(name);
    if (values.length > 1) {
      errors.push(`${spec.label} is given ${values.length} times (${values.map(quote).join(', ')}), so none of them is used`);
      continue;
    }
    const parsed = parseSetting(spec, values[0]!);
    if ('error' in parsed) errors.push(parsed.error);
    else settings[key] = parsed.value;
  }
  return { settings, errors };
}

/**
 * The demo ids a query's `id.key` parameters name that are not among `ids` (the demos on
 * this page), each quoted and shortened for a message. Parameters without a dot are not
 * demo settings and are left alone.
 */
export function unknownDemoIds(query: URLSearchParams, ids: readonly string[]): string[] {
  const unknown = new Set<string>();
  for (const name of query.keys()) {
    const dot = name.indexOf('.');
    if (dot > 0 && !ids.includes(name.slice(0, dot))) unknown.add(quote(name.slice(0, dot)));
  }
  return [...unknown];
}

/** Writes the settings that differ from their defaults into `query` (others are removed). */
export function settingsToQuery(
  specs: readonly SettingSpec[],
  settings: Settings,
  query: URLSearchParams,
  prefix: string,
): URLSearchParams {
  const out = new URLSearchParams(query);
  for (const spec of specs) {
    const name = `${prefix}.${spec.key}`;
    const v = settings[spec.key];
    if (v === undefined || v === spec.default) out.delete(name);
    else out.set(name, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return out;
}
