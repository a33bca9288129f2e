/**
 * A demo's settings, declared once as a spec: the page builds its controls from it, the
 * URL stores it, the worker trains with it, and `SettingsOf<spec>` types the values (a
 * setting that is not in the spec does not compile). Parsing refuses what is out of range
 * or malformed, with a message the reader can act on, and keeps the default instead.
 */
import { TEXT_FORMATS, type TextFormat } from './text-formats';

interface SettingBase {
  label: string;
  /** One sentence for the control's description. */
  help?: string;
  /** Applies mid-run; changing any other setting restarts the run from its seeded start. */
  live?: boolean;
  /** Changes only what is drawn (which run a race's fit chart shows), never the run itself. */
  display?: boolean;
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

export interface FlagSetting extends SettingBase {
  kind: 'flag';
  default: boolean;
}

export interface ChoiceSetting<V extends string = string> extends SettingBase {
  kind: 'choice';
  options: readonly { value: V; label: string }[];
  default: V;
}

/**
 * A list of numbers the reader makes on a chart (a drawn curve), with no control of its
 * own: stored as comma-separated numbers, '' while nothing has been drawn.
 */
export interface SeriesSetting extends SettingBase {
  kind: 'series';
  length: number;
  /** The x of each value, where the run's data may lie elsewhere (the playground's other datasets): a drawing starts there, flat. */
  xs?: readonly number[];
  min: number;
  max: number;
  default: '';
}

/** Text in a format of {@link TEXT_FORMATS} (a layer list, a pasted CSV), kept in its canonical form. */
export interface TextSetting extends SettingBase {
  kind: 'text';
  format: TextFormat;
  default: string;
  maxLength: number;
  /** A field of several lines (a pasted table) rather than one. */
  multiline?: boolean;
}

export type Setting = NumberSetting | FlagSetting | ChoiceSetting | SeriesSetting | TextSetting;
/** A demo's settings by key, in the order its controls appear. */
export type SettingsSpec = Readonly<Record<string, Setting>>;
export type SettingValue = number | boolean | string;
type ValueOf<S extends Setting> = S extends NumberSetting ? number : S extends FlagSetting ? boolean : S extends ChoiceSetting<infer V> ? V : string;
/** The values a spec describes, each typed by its kind. */
export type SettingsOf<S extends SettingsSpec> = { -readonly [K in keyof S]: ValueOf<S[K]> };
/** Settings of any demo, where the spec is not known statically (the URL, the worker protocol). */
export type Settings = Record<string, SettingValue>;

type Extra = Pick<SettingBase, 'help' | 'live' | 'display'>;

/** A number from `min` to `max`. */
export const number = (label: string, o: Omit<NumberSetting, 'kind' | 'label'>): NumberSetting => ({ kind: 'number', label, ...o });

/** A whole number from `min` to `max`, on a slider by ones. */
export const count = (label: string, min: number, max: number, dflt: number, o: Extra = {}): NumberSetting =>
  number(label, { min, max, default: dflt, integer: true, step: 1, ...o });

/** A seed for NumPy's RandomState: any 32-bit unsigned integer, typed in a field (no slider). */
export const seed = (label: string, dflt = 0): NumberSetting => number(label, { min: 0, max: 2 ** 32 - 1, default: dflt, integer: true });

/** One of `options` (value → label, in the order shown). */
export function choice<const V extends string>(
  label: string,
  options: Readonly<Record<V, string>>,
  dflt: NoInfer<V>,
  o: Extra = {},
): ChoiceSetting<V> {
  const entries = Object.entries(options) as [V, string][];
  return { kind: 'choice', label, options: entries.map(([value, text]) => ({ value, label: text })), default: dflt, ...o };
}

/** On or off. */
export const flag = (label: string, dflt: boolean, o: Extra = {}): FlagSetting => ({ kind: 'flag', label, default: dflt, ...o });

/** Text in `format`, at most `maxLength` characters. */
export const text = (label: string, format: TextFormat, dflt: string, maxLength: number, o: Extra & { multiline?: boolean } = {}): TextSetting => ({
  kind: 'text',
  label,
  format,
  default: dflt,
  maxLength,
  ...o,
});

/** The y-range a chart gives a series while it is drawn: its whole range and a margin. */
export const seriesDomain = (s: SeriesSetting): [number, number] => [s.min - 0.2, s.max + 0.2];

/** A curve the reader draws: `length` numbers from `min` to `max`. */
export const series = (label: string, o: Pick<SeriesSetting, 'length' | 'min' | 'max' | 'xs'>): SeriesSetting => ({
  kind: 'series',
  label,
  default: '',
  ...o,
});

export function defaults<S extends SettingsSpec>(spec: S): SettingsOf<S> {
  return Object.fromEntries(Object.entries(spec).map(([key, s]) => [key, s.default])) as SettingsOf<S>;
}

/** Where a number setting's slider sits for `value`: log sliders move by powers of ten. */
export function sliderPosition(s: NumberSetting, value: number): number {
  return s.scale === 'log' ? Math.log10(value) : value;
}

/** The value at slider position `pos` (log sliders give three significant digits). */
export function sliderValue(s: NumberSetting, pos: number): number {
  return s.scale === 'log' ? Number((10 ** pos).toPrecision(3)) : pos;
}

/** The slider's range and step, or null where the range is too wide for one (a seed: typed only). */
export function sliderRange(s: NumberSetting): { min: number; max: number; step: number } | null {
  if (s.scale === 'log') return { min: Math.log10(s.min), max: Math.log10(s.max), step: 0.01 };
  if (s.max - s.min > 1000) return null;
  return { min: s.min, max: s.max, step: s.step ?? (s.integer ? 1 : (s.max - s.min) / 200) };
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

type Parsed = { value: SettingValue } | { error: string };

function parseNumber(s: NumberSetting, raw: string): Parsed {
  const parsed = parseDecimal(raw);
  if ('error' in parsed) return { error: `${s.label}: ${quote(raw)} ${parsed.error}` };
  const v = parsed.value;
  if (s.integer && !Number.isInteger(v)) return { error: `${s.label}: ${quote(raw)} is not a whole number` };
  if (v < s.min || v > s.max) return { error: `${s.label}: ${v} is outside the allowed range ${s.min} to ${s.max}` };
  return { value: v };
}

function parseSeries(s: SeriesSetting, raw: string): Parsed {
  if (raw === '') return { value: '' };
  const parts = raw.split(',');
  if (parts.length !== s.length) return { error: `${s.label}: has ${parts.length} values, not ${s.length}` };
  const values = parts.map((p) => {
    const parsed = parseDecimal(p);
    return 'value' in parsed ? parsed.value : Number.NaN;
  });
  const bad = values.findIndex((v) => !Number.isFinite(v) || v < s.min || v > s.max);
  if (bad >= 0) return { error: `${s.label}: value ${bad + 1} (${JSON.stringify(parts[bad])}) is not a number from ${s.min} to ${s.max}` };
  return { value: formatSeries(values) };
}

/** Checks one raw string against its setting: the value, or the reason it was refused. */
export function parseSetting(s: Setting, raw: string): Parsed {
  switch (s.kind) {
    case 'number':
      return parseNumber(s, raw);
    case 'flag':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: `${s.label}: ${quote(raw)} is not on/off (use 1 or 0)` };
    case 'choice': {
      const option = s.options.find((o) => o.value === raw);
      if (!option) return { error: `${s.label}: ${quote(raw)} is not one of ${s.options.map((o) => o.value).join(', ')}` };
      return { value: option.value };
    }
    case 'series':
      return parseSeries(s, raw);
    case 'text': {
      if (raw.length > s.maxLength) return { error: `${s.label}: is ${raw.length} characters long; at most ${s.maxLength}` };
      const parsed = TEXT_FORMATS[s.format](raw);
      return 'error' in parsed ? { error: `${s.label}: ${parsed.error}` } : parsed;
    }
  }
}

/** A value as the URL and the controls write it (flags as 1 and 0). */
export const formatSetting = (v: SettingValue): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/** A series as its setting stores it: two decimals, no trailing zeros. */
export function formatSeries(values: readonly number[]): string {
  return values.map((v) => String(Math.round(v * 100) / 100)).join(',');
}

/** The numbers of a series setting's value ([] for ''). */
export function seriesValues(value: string): number[] {
  return value === '' ? [] : value.split(',').map(Number);
}

/**
 * Reads `prefix.key` parameters from a URL query. Unknown keys under the prefix are
 * reported too (a typo in a shared link should not pass silently), and so is a key given
 * more than once: none of its values is used, since the link does not say which it meant.
 */
export function settingsFromQuery<S extends SettingsSpec>(
  spec: S,
  query: URLSearchParams,
  prefix: string,
): { settings: SettingsOf<S>; errors: string[] } {
  const settings: Settings = defaults(spec);
  const errors: string[] = [];
  for (const name of new Set(query.keys())) {
    if (!name.startsWith(`${prefix}.`)) continue;
    const key = name.slice(prefix.length + 1);
    const s = Object.hasOwn(spec, key) ? spec[key]! : undefined;
    const values = query.getAll(name);
    if (!s) errors.push(`${quote(name)} is not a setting of this demo`);
    else if (values.length > 1) errors.push(`${s.label} is given ${values.length} times (${values.map(quote).join(', ')}), so none of them is used`);
    else {
      const parsed = parseSetting(s, values[0]!);
      if ('error' in parsed) errors.push(parsed.error);
      else settings[key] = parsed.value;
    }
  }
  return { settings: settings as SettingsOf<S>, errors };
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
    // `answer.<exercise id>` is an exercise's answer (components/exercise), not a demo's setting.
    if (dot > 0 && name.slice(0, dot) !== 'answer' && !ids.includes(name.slice(0, dot))) unknown.add(quote(name.slice(0, dot)));
  }
  return [...unknown];
}

/** Writes the settings that differ from their defaults into `query` (others are removed). */
export function settingsToQuery(spec: SettingsSpec, settings: Readonly<Settings>, query: URLSearchParams, prefix: string): URLSearchParams {
  const out = new URLSearchParams(query);
  for (const [key, s] of Object.entries(spec)) {
    const name = `${prefix}.${key}`;
    const v = settings[key];
    if (v === undefined || v === s.default) out.delete(name);
    else out.set(name, formatSetting(v));
  }
  return out;
}
