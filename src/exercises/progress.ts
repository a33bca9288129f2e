/**
 * The reader's solved exercises, kept in the browser only: one localStorage key,
 * `infinitely-flexible:progress`, holding `{ "version": 1, "solved": { "<exercise id>":
 * { "at": "<ISO date>", "why": "<what was observed>" } } }`. Anything else stored there
 * (corrupt JSON, another version, another shape) reads as no progress and is never thrown
 * at the page; a storage that refuses (private mode, a full quota) just keeps nothing.
 */
export const PROGRESS_KEY = 'infinitely-flexible:progress';
export const PROGRESS_VERSION = 1;
/** Fired on `window` after this page changes the progress (other tabs get a `storage` event). */
export const PROGRESS_EVENT = 'if-progress';

export interface SolvedEntry {
  at: string;
  why: string;
}
export type Solved = Record<string, SolvedEntry>;

/** The part of `Storage` used here, so tests can hand in a map. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isEntry = (v: unknown): v is SolvedEntry =>
  typeof v === 'object' && v !== null && typeof (v as SolvedEntry).at === 'string' && typeof (v as SolvedEntry).why === 'string';

/** The solved exercises, or none when the stored value is missing, unreadable or not this version's shape. */
export function readProgress(storage: ProgressStorage | null): Solved {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return {};
  }
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { version, solved } = parsed as { version?: unknown; solved?: unknown };
  if (version !== PROGRESS_VERSION || typeof solved !== 'object' || solved === null || Array.isArray(solved)) return {};
  return Object.fromEntries(Object.entries(solved).filter(([id, e]) => id.length <= 80 && isEntry(e))) as Solved;
}

function write(storage: ProgressStorage | null, solved: Solved): boolean {
  try {
    if (Object.keys(solved).length) storage?.setItem(PROGRESS_KEY, JSON.stringify({ version: PROGRESS_VERSION, solved }));
    else storage?.removeItem(PROGRESS_KEY);
    return storage !== null;
  } catch {
    return false;
  }
}

/** Records `id` as solved (the first time counts; a later solve keeps the first entry). Returns false if nothing could be stored. */
export function markSolved(storage: ProgressStorage | null, id: string, why: string, now = new Date()): boolean {
  const solved = readProgress(storage);
  if (solved[id]) return true;
  solved[id] = { at: now.toISOString(), why: why.slice(0, 200) };
  return write(storage, solved);
}

/** Forgets the given exercises (all of them when `ids` is left out). */
export function clearProgress(storage: ProgressStorage | null, ids?: readonly string[]): void {
  if (!ids) {
    write(storage, {});
    return;
  }
  const solved = readProgress(storage);
  for (const id of ids) delete solved[id];
  write(storage, solved);
}

/** The page's localStorage, or null where the browser refuses it (a sandboxed frame, some private modes). */
export function browserStorage(): ProgressStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** How many of `ids` are solved. */
export const countSolved = (ids: readonly string[], solved: Solved): number => ids.filter((id) => solved[id]).length;
