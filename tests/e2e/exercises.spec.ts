import { expect, test, type Locator, type Page } from '@playwright/test';
import { EXERCISES, type ExerciseDef } from '../../src/exercises/catalog';
import { PROGRESS_KEY } from '../../src/exercises/progress';
import { allowSteps, demo, readyDemo, runTo } from './demo';
import { watchPage } from './site';

const CHAPTERS = [...new Set(EXERCISES.map((e) => e.chapter))];
const exercise = (page: Page, id: string): Locator => page.locator(`nn-exercise#${id}`);

/** The exercise's solution link, opened as a reader would follow it (on `backend`, which the link leaves at WebGL). */
async function openSolution(page: Page, e: ExerciseDef, backend: 'webgl' | 'cpu'): Promise<void> {
  const href = await exercise(page, e.id).locator('[data-role="solution"]').getAttribute('href');
  const url = new URL(href!, page.url());
  if (backend !== 'webgl') url.searchParams.set(`${e.demo}.backend`, backend);
  await page.goto(url.pathname + url.search + url.hash);
}

/** Follows each exercise's solution link, runs the demo as the block offers, and expects it solved. */
async function solveAll(page: Page, list: readonly ExerciseDef[], backend: 'webgl' | 'cpu'): Promise<void> {
  for (const e of list) {
    await openSolution(page, e, backend);
    await readyDemo(page, e.demo, backend);
    const block = exercise(page, e.id);
    // The block says the page now runs its solution; a training demo's solves once it has run, as the block offers.
    await expect(block.locator('[data-role="solution-note"]')).toBeVisible();
    if (e.solution.steps) {
      await expect(block, `${e.id} opened from its link, before it runs`).toHaveAttribute('data-state', 'open');
      const t0 = Date.now();
      // Exact: a claim in the task has a check button that also names a run to a step.
      await block.getByRole('button', { name: `Run the demo to step ${e.solution.steps}`, exact: true }).click();
      // The time this run gets follows from its first steps' pace on this machine now (a run that diverges stops sooner).
      const d = demo(page, e.demo);
      const first = Math.min(20, e.solution.steps);
      const reached = async () => {
        const [step, state] = await Promise.all([d.getAttribute('data-step'), d.getAttribute('data-state')]);
        return Number(step) >= first || state === 'diverged' ? Math.max(1, Number(step)) : 0;
      };
      await expect.poll(reached, { timeout: 120_000 }).toBeGreaterThan(0);
      allowSteps(e.solution.steps, (Date.now() - t0) / (await reached()));
    }
    await expect(block, `${e.id} solved by its solution on ${backend}`).toHaveAttribute('data-state', 'solved', { timeout: 0 });
    await expect(block.locator('[data-role="status"]')).toHaveText(/^Solved: /);
  }
}

/**
 * Chapters 5 to 8 solve their exercises on the CPU, where their runs of 1,000 to 5,000 steps of small models are several
 * times quicker than on software WebGL (chapter 7's two races took 11 minutes there). That those settings train the same
 * on WebGL is what claims.spec checks, backend against backend; the exercises judge the log, whichever backend wrote it.
 */
const SOLVED_ON = (chapter: string): 'webgl' | 'cpu' => (chapter < '05' ? 'webgl' : 'cpu');

for (const chapter of CHAPTERS) {
  const list = EXERCISES.filter((e) => e.chapter === chapter);
  const backend = SOLVED_ON(chapter);
  test(`${chapter}: every exercise is open at the defaults, and its solution link solves it (${backend})`, async ({ page }) => {
    // A minute per page visit; each run adds the time its steps take (solveAll).
    test.setTimeout(60_000 * (list.length + 1));
    await page.goto(`/chapters/${chapter}/`);
    const blocks = page.locator('nn-exercise');
    expect(await blocks.evaluateAll((els) => els.map((el) => [el.id, (el as HTMLElement).dataset.demo]))).toEqual(list.map((e) => [e.id, e.demo]));
    for (const id of new Set(list.map((e) => e.demo))) await readyDemo(page, id);
    for (const e of list) await expect(exercise(page, e.id), `${e.id} at the defaults`).toHaveAttribute('data-state', 'open');
    await solveAll(page, list, backend);
  });
}

test('a sample on the CPU backend: chapters 2, 3 and 4, every exercise solved by its link', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/chapters/02-gradient-descent/');
  for (const chapter of ['02-gradient-descent', '03-the-relu', '04-sums-of-relus']) {
    await page.goto(`/chapters/${chapter}/`);
    await solveAll(
      page,
      EXERCISES.filter((e) => e.chapter === chapter),
      'cpu',
    );
  }
});

test('wrong answers leave exercises open: a wrong number, a wrong pick, a run that misses, a hand fit that misses', async ({ page }) => {
  test.setTimeout(600_000);
  // The default run to step 100 does not solve "below 2.1 within 100 steps".
  await page.goto('/chapters/02-gradient-descent/');
  await readyDemo(page, 'quadratic-descent');
  await runTo(demo(page, 'quadratic-descent'), 100);
  await expect(exercise(page, 'ch2-fast')).toHaveAttribute('data-state', 'open');
  // On settings other than those it asks for, an answer is not judged, and the block says why.
  const first = exercise(page, 'ch2-first-step');
  const answer = first.getByLabel('a after the first step');
  await answer.fill('1.8097');
  await answer.press('Enter');
  await expect(first.locator('[data-role="status"]')).toHaveText(/To check, set the demo to the chapter's settings, but Learning rate = 0\.5/);
  await expect(first).toHaveAttribute('data-state', 'open');
  // Set mid-run, the rate did not make the run's first step: the block asks for a Reset, and after it checks the answer.
  const lr = page.locator('#quadratic-descent-lr');
  await lr.fill('0.5');
  await lr.press('Enter');
  await answer.press('Enter');
  await expect(first.locator('[data-role="status"]')).toHaveText(/press Reset/);
  await expect(first).toHaveAttribute('data-state', 'open');
  await demo(page, 'quadratic-descent').getByRole('button', { name: 'Reset' }).click();
  await expect(demo(page, 'quadratic-descent')).toHaveAttribute('data-state', 'ready');
  await answer.press('Enter');
  await expect(first).toHaveAttribute('data-state', 'solved');
  // On the settings it asks for, a wrong number (the sign slip) is refused.
  await page.goto('/chapters/02-gradient-descent/?quadratic-descent.lr=0.5');
  await readyDemo(page, 'quadratic-descent');
  await answer.fill('0.3903');
  await answer.press('Enter');
  await expect(first.locator('[data-role="status"]')).toHaveText(/0\.3903 is not it/);
  await expect(first).toHaveAttribute('data-state', 'open');

  // The hand fit the text gives for two units (loss about 1.6) is not below 1.3.
  await page.goto('/chapters/03-the-relu/?relu-2.m1=5&relu-2.b1=0&relu-2.m2=-3&relu-2.b2=0');
  await readyDemo(page, 'relu-2');
  const loss = Number(await demo(page, 'relu-2').getAttribute('data-loss'));
  expect(loss).toBeGreaterThan(1.3);
  expect(loss).toBeLessThan(1.6);
  await expect(exercise(page, 'ch3-two-relus')).toHaveAttribute('data-state', 'open');

  // A wrong pick in the race, judged once the race reaches its step (on the CPU, where the race is quick; WebGL solves it above).
  await page.goto('/chapters/07-activation-functions/?activation-race.seed=2&activation-race.backend=cpu');
  await readyDemo(page, 'activation-race', 'cpu');
  const pick = exercise(page, 'ch7-pick-winner');
  await pick.getByLabel('Lowest loss at step 1000 with seed 2').selectOption('ReLU');
  await expect(pick.locator('[data-role="status"]')).toHaveText(/^Not ReLU/, { timeout: 300_000 });
  await expect(pick).toHaveAttribute('data-state', 'open');
});

test('a claim checking itself on a demo does not solve an exercise for the reader', async ({ page }) => {
  await page.goto('/chapters/02-gradient-descent/');
  await readyDemo(page, 'quadratic-descent');
  // The claim about lr 1 runs 200 steps that get below 2.1 by step 100: the exercise asks the reader to find such a rate.
  const claim = page.locator('nn-claim[data-settings*="\\"lr\\":1"]');
  await claim.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
  await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: 60_000 });
  await expect(exercise(page, 'ch2-fast')).toHaveAttribute('data-state', 'open');
});

test.describe('progress', () => {
  const chapter3 = '/chapters/03-the-relu/';
  const sidebarMark = (page: Page) => page.locator(`#starlight__sidebar a[href$="${chapter3}"] .if-sidebar-mark`);

  async function solveOneRelu(page: Page): Promise<void> {
    await page.goto(`${chapter3}?relu-1.m1=5&relu-1.b1=1#ch3-one-relu`);
    await readyDemo(page, 'relu-1');
    await expect(exercise(page, 'ch3-one-relu')).toHaveAttribute('data-state', 'solved');
  }

  test('solving marks the sidebar, the chapter end and the home page; a reload keeps it; clearing empties it', async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL!).origin);
    await solveOneRelu(page);
    await expect(sidebarMark(page)).toHaveAttribute('data-solved', '1');
    await expect(sidebarMark(page)).toHaveText('1/3 (1 of 3 exercises solved)');
    await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText('1 of 3');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), PROGRESS_KEY);
    expect(stored.version).toBe(1);
    expect(Object.keys(stored.solved)).toEqual(['ch3-one-relu']);

    // A reload, with the solution's settings gone: solved from storage, before the demo runs.
    await page.goto(chapter3);
    await expect(exercise(page, 'ch3-one-relu')).toHaveAttribute('data-state', 'solved');
    await expect(exercise(page, 'ch3-two-relus')).toHaveAttribute('data-state', 'open');
    await expect(sidebarMark(page)).toHaveAttribute('data-solved', '1');

    await page.goto('/');
    await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText(`1 of ${EXERCISES.length}`);
    await expect(page.locator('nn-exercise-progress li[data-chapter="03-the-relu"]')).toHaveAttribute('data-solved', '1');
    await expect(page.locator('nn-exercise-progress li[data-chapter="01-functions"]')).toHaveAttribute('data-solved', '0');
    await page.getByRole('button', { name: 'Clear all progress' }).click();
    await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText(`0 of ${EXERCISES.length}`);
    expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBeNull();

    await page.goto(chapter3);
    await expect(exercise(page, 'ch3-one-relu')).toHaveAttribute('data-state', 'open');
    await expect(sidebarMark(page)).toHaveCount(0);
    expect(problems.console).toEqual([]);
  });

  test("clearing a chapter's progress at its end reopens its exercises on the spot", async ({ page }) => {
    await solveOneRelu(page);
    const button = page.getByRole('button', { name: "Clear this chapter's progress" });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(exercise(page, 'ch3-one-relu')).toHaveAttribute('data-state', 'open');
    await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText('0 of 3');
    await expect(sidebarMark(page)).toHaveCount(0);
    await expect(button).toBeDisabled();
  });

  for (const [what, raw] of [
    ['corrupt JSON', '{"version":1,"solved":{'],
    ['another version', JSON.stringify({ version: 99, solved: { 'ch3-one-relu': { at: 'x', why: 'y' } } })],
    ['a foreign shape', JSON.stringify(['ch3-one-relu'])],
  ] as const) {
    test(`a stored value with ${what} is ignored, with no console error, and the next solve replaces it`, async ({ page, baseURL }) => {
      const problems = watchPage(page, new URL(baseURL!).origin);
      await page.addInitScript(([k, v]) => localStorage.getItem(k) ?? localStorage.setItem(k, v), [PROGRESS_KEY, raw] as const);
      await page.goto(chapter3);
      await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText('0 of 3');
      for (const id of ['ch3-one-relu', 'ch3-two-relus', 'ch3-three-relus']) await expect(exercise(page, id)).toHaveAttribute('data-state', 'open');
      await expect(sidebarMark(page)).toHaveCount(0);
      await solveOneRelu(page);
      await expect(page.locator('nn-exercise-progress [data-role="progress-total"]')).toHaveText('1 of 3');
      expect(problems.console).toEqual([]);
    });
  }
});

test('hints unfold one at a time, by keyboard', async ({ page }) => {
  await page.goto('/chapters/04-sums-of-relus/');
  const hints = exercise(page, 'ch4-three-units').locator('[data-role="hint"]');
  await expect(hints).toHaveCount(3);
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();
  await hints.nth(0).locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(hints.nth(0).locator('p')).toBeVisible();
  await expect(hints.nth(1)).toBeVisible();
  await expect(hints.nth(2)).toBeHidden();
});

test('on paper an exercise is a task with a box: hints, links, answer field and status are not printed', async ({ page }) => {
  await page.goto('/chapters/02-gradient-descent/');
  await page.emulateMedia({ media: 'print' });
  const block = exercise(page, 'ch2-first-step');
  await expect(block.locator('.if-exercise__task')).toBeVisible();
  await expect(block.locator('.if-exercise__mark')).toBeVisible();
  for (const part of ['[data-role="hint"]', '[data-role="solution"]', '[data-role="answer"]', '[data-role="status"]'])
    await expect(block.locator(part).first()).toBeHidden();
  await expect(page.locator('nn-exercise-progress')).toBeHidden();
});
