import { describe, expect, it } from 'vitest';
import { clearProgress, countSolved, markSolved, PROGRESS_KEY, readProgress, type ProgressStorage } from '../../../src/exercises/progress';

/** A storage over a Map, as localStorage behaves. */
function memory(initial?: string): ProgressStorage & { raw(): string | null } {
  const m = new Map<string, string>();
  if (initial !== undefined) m.set(PROGRESS_KEY, initial);
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    raw: () => m.get(PROGRESS_KEY) ?? null,
  };
}

describe('progress in localStorage', () => {
  it('stores a solved exercise under the one key, versioned, and reads it back', () => {
    const s = memory();
    expect(markSolved(s, 'ch1-fit-mae', 'loss 2.1', new Date('2026-12-06T00:00:00Z'))).toBe(true);
    expect(JSON.parse(s.raw()!)).toEqual({ version: 1, solved: { 'ch1-fit-mae': { at: '2026-12-06T00:00:00.000Z', why: 'loss 2.1' } } });
    expect(Object.keys(readProgress(s))).toEqual(['ch1-fit-mae']);
  });

  it('keeps the first solve of an exercise', () => {
    const s = memory();
    markSolved(s, 'a', 'first', new Date(0));
    markSolved(s, 'a', 'second', new Date(1000));
    expect(readProgress(s).a).toEqual({ at: new Date(0).toISOString(), why: 'first' });
  });

  it.each([
    ['corrupt JSON', '{"version": 1, "solved": {'],
    ['another version', JSON.stringify({ version: 2, solved: { a: { at: 'x', why: 'y' } } })],
    ['no version', JSON.stringify({ solved: { a: { at: 'x', why: 'y' } } })],
    ['an array', '[1, 2]'],
    ['a number', '42'],
    ['null', 'null'],
    ['solved as an array', JSON.stringify({ version: 1, solved: ['a'] })],
  ])('reads %s as no progress', (_what, raw) => {
    expect(readProgress(memory(raw))).toEqual({});
  });

  it('drops entries of the wrong shape and keeps the rest', () => {
    const raw = JSON.stringify({ version: 1, solved: { good: { at: 't', why: 'w' }, bad: { at: 1 }, worse: 'yes' } });
    expect(Object.keys(readProgress(memory(raw)))).toEqual(['good']);
  });

  it('a corrupt value is replaced by the next solve, not kept around', () => {
    const s = memory('not json');
    markSolved(s, 'b', 'w');
    expect(Object.keys(readProgress(s))).toEqual(['b']);
  });

  it('a storage that throws (private mode, full quota) keeps nothing and throws nothing', () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readProgress(refusing)).toEqual({});
    expect(markSolved(refusing, 'a', 'w')).toBe(false);
    expect(() => clearProgress(refusing)).not.toThrow();
    expect(readProgress(null)).toEqual({});
    expect(markSolved(null, 'a', 'w')).toBe(false);
  });

  it('clears the given exercises only, or all of them (removing the key)', () => {
    const s = memory();
    for (const id of ['a', 'b', 'c']) markSolved(s, id, 'w');
    clearProgress(s, ['a', 'c']);
    expect(Object.keys(readProgress(s))).toEqual(['b']);
    expect(countSolved(['a', 'b', 'c'], readProgress(s))).toBe(1);
    clearProgress(s);
    expect(s.raw()).toBeNull();
  });
});
