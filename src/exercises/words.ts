/**
 * An exercise's condition in the reader's words: the goal sentence a block shows while it is
 * open, and the settings it asks for, named as the demo's controls name them.
 */
import type { SettingsSpec, SettingValue } from '../train/settings';
import type { Bound, Condition, Wanted } from './condition';

/** Names a setting and its value as the controls show them ("Loss = Mean squared error"). */
export interface SettingWords {
  name(key: string): string;
  value(key: string, v: SettingValue): string;
}

/** The words of a demo's own controls, from its settings spec. */
export function wordsOf(spec: SettingsSpec): SettingWords {
  return {
    name: (key) => spec[key]?.label ?? key,
    value: (key, v) => {
      const s = spec[key];
      if (s?.kind === 'choice') return s.options.find((o) => o.value === v)?.label ?? String(v);
      if (s?.kind === 'flag') return v ? 'on' : 'off';
      return String(v);
    },
  };
}

const plain: SettingWords = { name: (k) => k, value: (_k, v) => String(v) };

/** The settings `when` asks for, in words ("Loss = Mean squared error, Learning rate below 0.25"). */
export function describeSettings(when: Wanted | undefined, words: SettingWords = plain): string {
  return Object.entries(when ?? {})
    .map(([k, want]) => {
      const name = words.name(k);
      if (typeof want === 'object') {
        return [want.above !== undefined && `${name} above ${want.above}`, want.below !== undefined && `${name} below ${want.below}`]
          .filter(Boolean)
          .join(' and ');
      }
      return typeof want === 'boolean' ? `${name} ${words.value(k, want)}` : `${name} = ${words.value(k, want)}`;
    })
    .join(', ');
}

const list = (names: readonly string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

function range(b: Bound, plural: boolean): string {
  const is = plural ? 'are all' : 'is';
  if (b.below !== undefined && b.above !== undefined) return `${is} between ${b.above} and ${b.below}`;
  return b.below !== undefined ? `${is} below ${b.below}` : `${is} above ${b.above}`;
}

/** The bounds in words, bounds with the same range on single metrics said once ("ReLU, ELU and GELU are all below 0.03"). */
function describeBounds(bounds: readonly Bound[]): string {
  const groups: { names: string[]; bound: Bound }[] = [];
  for (const b of bounds) {
    const name = typeof b.metric === 'string' ? (b.metric === 'loss' ? 'the loss' : b.metric) : `the best of the ${b.metric.length} runs`;
    const same = groups.at(-1);
    if (same && typeof b.metric === 'string' && same.bound.below === b.below && same.bound.above === b.above) same.names.push(name);
    else groups.push({ names: [name], bound: b });
  }
  return groups.map((g) => `${list(g.names)} ${range(g.bound, g.names.length > 1)}`).join(' and ');
}

/** What solves the exercise, in one sentence (shown while it is open, and read by screen readers). */
export function describeGoal(c: Condition, words: SettingWords = plain): string {
  const settings = c.when ? ` with ${describeSettings(c.when, words)}` : '';
  const chapters = c.when ? `the chapter's settings but ${describeSettings(c.when, words)}` : "the chapter's settings";
  switch (c.kind) {
    case 'reach': {
      const when = c.at !== undefined ? ` at step ${c.at}` : c.by !== undefined ? ` at some step up to ${c.by}` : '';
      return `Solved when ${describeBounds(c.bounds)}${when}${settings}.`;
    }
    case 'diverge':
      return `Solved when a run${settings} diverges.`;
    case 'number':
      return `Solved when your number is within ${c.tolerance} of the demo's ${c.metric} at step ${c.step}, on a run with ${chapters}.`;
    case 'pick':
      return `Solved when you pick the run with the lowest loss at step ${c.step}, on a run with ${chapters}.`;
  }
}
