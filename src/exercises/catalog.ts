/**
 * Every exercise on the site: what it is bound to, what solves it, its hints and its
 * solution. The task itself is prose in the chapter (`<Exercise id="…">task</Exercise>`);
 * everything a test or the progress count needs is here, so the unit tests can run each
 * solution (and each chapter's defaults) on the real experiments. Bounds come from runs
 * measured on the CPU and WebGL backends; each solution clears its bound by a margin.
 */
import type { ExerciseDef } from './condition';
import { EXERCISES_1_TO_4 } from './exercises-1-to-4';
import { EXERCISES_5_TO_8 } from './exercises-5-to-8';

export type { ExerciseDef };

export const EXERCISES: readonly ExerciseDef[] = [...EXERCISES_1_TO_4, ...EXERCISES_5_TO_8];

/** The exercises of one chapter, in page order. */
export const exercisesOf = (chapter: string): ExerciseDef[] => EXERCISES.filter((e) => e.chapter === chapter);

export function exerciseById(id: string): ExerciseDef {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new RangeError(`No exercise "${id}" in src/exercises/catalog.ts`);
  return e;
}
