import { BACKEND_LABELS, BACKENDS, type BackendName } from '../nn/backends';
import {
  choice,
  defaults,
  parseSetting,
  settingsFromQuery,
  settingsToQuery,
  unknownDemoIds,
  type Settings,
  type SettingsSpec,
  type SeriesSetting,
  type SettingValue,
} from '../train/settings';

/** The backend as a URL setting, labelled from the one table of backends. */
const BACKEND_SETTING = choice(
  'Backend',
  Object.fromEntries(BACKENDS.map((b) => [b, BACKEND_LABELS[b].label])) as Record<BackendName, string>,
  'webgl',
);

/**
 * A demo's settings as the reader has them: the values of its spec, and the backend (its
 * own control, not the experiment's), read from the link and written back to it.
 */
export class DemoSettings {
  readonly spec: SettingsSpec;
  /** What the link asked for that could not be used (the defaults stand in). */
  readonly urlErrors: string[];
  values: Settings;
  backend: BackendName;
  readonly #id: string;
  readonly #query: URLSearchParams;

  /** `id` prefixes the demo's keys in `query` (the page's URL when it loaded). */
  constructor(spec: SettingsSpec, query: URLSearchParams, id: string) {
    this.spec = spec;
    this.#id = id;
    this.#query = query;
    const { settings, errors } = settingsFromQuery({ ...spec, backend: BACKEND_SETTING }, query, id);
    const { backend, ...values } = settings;
    this.values = values;
    this.backend = backend as BackendName;
    this.urlErrors = errors;
  }

  /**
   * What the reader is told about the link: the settings it had that could not be used, and
   * (`pageDemos`, for the page's first demo) the demo ids it names that the page lacks.
   */
  linkNotice(query: URLSearchParams, pageDemos: readonly string[] = []): string | null {
    const errors = [...this.urlErrors];
    const unknown = pageDemos.length ? unknownDemoIds(query, pageDemos) : [];
    if (unknown.length) errors.push(`this page has no demo ${unknown.join(' or ')} (its demos: ${pageDemos.join(', ')})`);
    return errors.length ? `This link's settings could not all be used (the defaults stand in for these): ${errors.join('; ')}.` : null;
  }

  /** The page's query with these settings (only those off their defaults). */
  get query(): URLSearchParams {
    return settingsToQuery({ ...this.spec, backend: BACKEND_SETTING }, { ...this.values, backend: this.backend }, this.#query, this.#id);
  }

  /** True when the run uses the settings the chapter's text talks about. */
  get usesDefaults(): boolean {
    return this.runsWith(defaults(this.spec));
  }

  /** True when the run uses exactly `values` (settings that change only the drawing aside). */
  runsWith(values: Readonly<Settings>): boolean {
    return Object.entries(values).every(([k, v]) => this.isDisplay(k) || this.values[k] === v);
  }

  /** True for a setting that changes what is drawn, not the run. */
  isDisplay(key: string): boolean {
    return this.spec[key]?.display === true;
  }

  isLive(key: string): boolean {
    return this.spec[key]?.live === true;
  }

  /** Whether going to `values` changes live settings only (a model can take them where it stands). */
  liveOnly(values: Settings): boolean {
    return Object.keys(values).every((k) => this.isLive(k) || JSON.stringify(values[k]) === JSON.stringify(this.values[k]));
  }

  /** The setting drawn on the chart, and its key, if the demo has one. */
  /** The choice with a 'drawn' option (the target, or the playground's data): a drawing selects it. */
  get drawnChoice(): string | null {
    for (const [key, setting] of Object.entries(this.spec))
      if (setting.kind === 'choice' && setting.options.some((o) => o.value === 'drawn')) return key;
    return null;
  }

  get series(): { key: string; setting: SeriesSetting } | null {
    for (const [key, setting] of Object.entries(this.spec)) if (setting.kind === 'series') return { key, setting };
    return null;
  }

  /** Checks `raw` for `key`: the value, or why it was refused. */
  parse(key: string, raw: string): { value: SettingValue } | { error: string } {
    const s = this.spec[key];
    return s ? parseSetting(s, raw) : { error: `no setting "${key}"` };
  }

  /** The defaults with `changes` (as a claim gives them), or the first refusal. */
  withChanges(changes: Settings): { values: Settings } | { error: string } {
    const values: Settings = defaults(this.spec);
    for (const [key, value] of Object.entries(changes)) {
      const parsed = this.parse(key, String(value));
      if ('error' in parsed) return parsed;
      values[key] = parsed.value;
    }
    return { values };
  }

  resetValues(): void {
    this.values = defaults(this.spec);
  }
}
