/**
 * What an exercise asks of the reader's demo, and the judge that decides, from what the
 * demo shows, whether it holds. DOM-free: the <nn-exercise> element feeds it the demo's
 * rows, state and settings as they come, and tests/unit/exercises feeds it real runs.
 */
import type { Settings, SettingValue } from '../train/settings';

/**
 * A bound on one value of a log row: `metric` is "loss" or a column's name; a list of
 * names means the lowest of them (the best run of a race). Give `below`, `above` or both.
 */
export interface Bound {
  metric: string | readonly string[];
  below?: number;
  above?: number;
}

/** Settings a run must have: a value each, or for a number a range (`{ below: 0.25 }`). */
export type Wanted = Readonly<Record<string, SettingValue | { below?: number; above?: number }>>;

export type Condition =
  /** Every bound holds on one row of a run with the `when` settings: at step `at`, at any step up to `by`, or at any step (or hand try, or kink drag) if neither. */
  | { kind: 'reach'; when?: Wanted; at?: number; by?: number; bounds: readonly Bound[] }
  /** The run diverges (the demo stops it) with the `when` settings. */
  | { kind: 'diverge'; when?: Wanted }
  /** The reader types a number: right when within `tolerance` of `metric` at `step` of the run with the chapter's settings (changed by `when`). */
  | { kind: 'number'; when?: Settings; metric: string; step: number; tolerance: number; label: string }
  /** The reader picks one of `among`: right when it is the lowest of them at `step` of the run with the chapter's settings (changed by `when`). */
  | { kind: 'pick'; when?: Settings; among: readonly string[]; step: number; label: string };

/** One exercise: what it is bound to, what solves it, its hints and its solution (the catalog lists them). */
export interface ExerciseDef {
  /** Unique on the site: the element id and the progress key. */
  id: string;
  /** The chapter's file name without extension, e.g. "04-sums-of-relus". */
  chapter: string;
  /** The id of the demo element it watches, and that demo's experiment. */
  demo: string;
  experiment: string;
  condition: Condition;
  hints: readonly string[];
  /**
   * Every result a hint or the solution's note states (a loss, a value at some step), with the
   * run it reads: the unit tests play that run and check the number as written. Numbers the
   * exercise itself sets (its settings, bounds, answer, the chapter's defaults) need no entry;
   * `plain` lists the other settings the text names, so that every number is accounted for.
   */
  readings?: readonly Reading[];
  plain?: readonly string[];
  solution: {
    /** The demo's settings that solve it: the solution link carries them. */
    settings: Settings;
    /** For an exercise the reader answers: the answer the link fills in. */
    answer?: string;
    /** How far to train from the seeded start with those settings (training demos). */
    steps?: number;
    /** Why it works, shown beside the link. */
    note: string;
  };
}

/** A number as the text writes it ("0.054"), read at `step` (0: the seeded start, or a hand demo's fit) of a run. */
export interface Reading {
  text: string;
  /** The run with the solution's settings, or with the chapter's defaults changed by `settings`. */
  of: 'solution' | Settings;
  step: number;
  /** "loss" (the default), a column, or a race's run. */
  metric?: string;
}

/** A log row as the judge sees it: the step (null for a dragged kink), the loss and the named columns. */
export interface Observation {
  /** A hand-fitted demo's try: the step counts tries, so the verdict speaks of the sliders. */
  hand?: boolean;
  step: number | null;
  loss: number;
  columns: Readonly<Record<string, number>>;
}

export interface Verdict {
  solved: boolean;
  /** What was observed, in a sentence the block shows (and announces). */
  why: string;
}

const fmt = (v: number, digits = 4): string => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e5 ? v.toExponential(digits - 2) : String(Number(v.toPrecision(digits)));
};

/** The value a bound reads from a row (the lowest of several metrics, and which), or null when the row lacks it. */
export function valueOf(bound: Bound, o: Observation): { value: number; name: string } | null {
  const names = typeof bound.metric === 'string' ? [bound.metric] : [...bound.metric];
  let best: { value: number; name: string } | null = null;
  for (const name of names) {
    const value = name === 'loss' ? o.loss : o.columns[name];
    if (value === undefined || !Number.isFinite(value)) return null;
    if (!best || value < best.value) best = { value, name };
  }
  return best;
}

function holds(b: { below?: number; above?: number }, v: number): boolean {
  return (b.below === undefined || v < b.below) && (b.above === undefined || v > b.above);
}

/** True when `settings` has every value `when` asks for (and each number in its range). */
export function matches(when: Wanted | undefined, settings: Readonly<Settings>): boolean {
  return Object.entries(when ?? {}).every(([k, want]) => {
    const v = settings[k];
    if (typeof want !== 'object') return v === want;
    return typeof v === 'number' && holds(want, v);
  });
}

/** Judges a 'reach' condition on one observation of a run with `settings`; null when the row says nothing either way. */
export function judgeRow(c: Extract<Condition, { kind: 'reach' }>, o: Observation, settings: Readonly<Settings>): Verdict | null {
  if (!matches(c.when, settings)) return null;
  if (c.at !== undefined && o.step !== c.at) return null;
  if (c.by !== undefined && (o.step === null || o.step > c.by)) return null;
  const parts: string[] = [];
  for (const b of c.bounds) {
    const v = valueOf(b, o);
    if (!v || !holds(b, v.value)) return null;
    const label = typeof b.metric === 'string' ? b.metric : `${v.name} (the lowest)`;
    parts.push(`${label} ${fmt(v.value)}`);
  }
  const where = o.hand ? 'where the sliders are' : o.step === null ? 'after your edit' : `at step ${o.step}`;
  return { solved: true, why: `${where}: ${parts.join(', ')}` };
}

/** Judges a 'diverge' condition when the demo stopped a run as diverged. */
export function judgeDivergence(c: Extract<Condition, { kind: 'diverge' }>, settings: Readonly<Settings>, message: string): Verdict | null {
  if (!matches(c.when, settings)) return null;
  return { solved: true, why: `the run diverged (${message.replace(/\.$/, '')})` };
}

/** The right answer to a 'number' or 'pick' condition, from the row at its step. */
export function expectedAnswer(c: Extract<Condition, { kind: 'number' | 'pick' }>, o: Observation): { value: number | string; shown: string } | null {
  if (c.kind === 'number') {
    const v = valueOf({ metric: c.metric }, o);
    // A typed answer is compared to more digits than a loss is shown with.
    return v && { value: v.value, shown: fmt(v.value, 6) };
  }
  const v = valueOf({ metric: c.among }, o);
  return v && { value: v.name, shown: `${v.name} at ${fmt(v.value)}` };
}

/** Judges the reader's answer against the run's row at the condition's step. */
export function judgeAnswer(c: Extract<Condition, { kind: 'number' | 'pick' }>, answer: string, o: Observation): Verdict | null {
  const expected = expectedAnswer(c, o);
  if (!expected || answer.trim() === '') return null;
  if (c.kind === 'pick') {
    const right = answer === expected.value;
    return {
      solved: right,
      why: right ? `${expected.shown} at step ${c.step} is the lowest` : `not ${answer}: at step ${c.step} it is not the lowest`,
    };
  }
  const typed = Number(answer.replace('−', '-'));
  if (!Number.isFinite(typed)) return { solved: false, why: `"${answer.slice(0, 20)}" is not a number` };
  const right = Math.abs(typed - (expected.value as number)) <= c.tolerance;
  return {
    solved: right,
    why: right ? `the demo computes ${expected.shown} (${c.metric} at step ${c.step})` : `${fmt(typed)} is not it: try again, or take a hint`,
  };
}

/** A log row with its columns named, as the judge reads it. */
export function observe(row: { step: number; loss: number; columns: readonly number[] }, names: readonly string[], edited = false): Observation {
  return { step: edited ? null : row.step, loss: row.loss, columns: Object.fromEntries(names.map((n, i) => [n, row.columns[i]!])) };
}

/**
 * Judges a whole run at once (what the element does row by row as they come): its rows,
 * whether and why it diverged, the settings it ran with and the reader's answer, if any.
 */
export function judgeRun(
  c: Condition,
  run: { rows: readonly Observation[]; diverged: string | null },
  settings: Readonly<Settings>,
  answer = '',
): Verdict | null {
  switch (c.kind) {
    case 'reach':
      for (const o of run.rows) {
        const v = judgeRow(c, o, settings);
        if (v) return v;
      }
      return null;
    case 'diverge':
      return run.diverged === null ? null : judgeDivergence(c, settings, run.diverged);
    default: {
      const row = run.rows.find((o) => o.step === c.step);
      return row ? judgeAnswer(c, answer, row) : null;
    }
  }
}
