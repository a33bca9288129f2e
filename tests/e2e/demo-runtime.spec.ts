import { expect, test } from '@playwright/test';
import { demo, log, readyDemo, runTo, setVisibility, withoutWebGL } from './demo';

/** The reference demo: the double ReLU of chapter 4. */
const PAGE = '/chapters/04-sums-of-relus/';
const ID = 'double-relu';

test('before JavaScript runs, the demo shows the seeded start (chart, loss, step 0)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const d = demo(page, ID);
  await expect(d.locator('[data-role="fit-chart"] svg')).toBeVisible();
  await expect(d.locator('[data-role="fit-chart"] svg g:not(.if-kinks) > circle')).toHaveCount(20);
  await expect(d.locator('tbody[data-role="log"] tr')).toHaveCount(1);
  expect(await d.locator('tbody[data-role="log"] td').allTextContents()).toEqual(['0', '4.1318', '0.5000', '0.5000', '-0.5000', '-0.5000']);
  await expect(d.locator('[data-role="status"]')).toContainText('Seeded start: loss 4.1318');
  // Nothing that needs JavaScript pretends to work: controls are disabled, claims show their text only.
  for (const name of ['Step', 'Play', 'Reset', 'Copy link']) await expect(d.getByRole('button', { name, exact: true })).toBeDisabled();
  // They wait, but Tab still reaches them, and what they say to a screen reader is why they wait.
  const step = d.getByRole('button', { name: 'Step', exact: true });
  await step.focus();
  await expect(step).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(d.getByRole('button', { name: 'Play' })).toBeFocused();
  await expect(step).toHaveAccessibleDescription(/The demo trains here once JavaScript has loaded/);
  await page.keyboard.press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(page.locator('nn-claim').first()).toContainText(/about 4\.1[34]/);
  await expect(page.locator('nn-claim').first()).toHaveAttribute('data-condition', 'between 4.13 and 4.14');
  await expect(page.locator('nn-claim button').first()).toBeHidden();
  await context.close();
});

test('trains on WebGL in a worker: steps, loss, log rows and ms per step', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-step', '1');
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'running');
  await expect.poll(async () => Number(await d.getAttribute('data-step'))).toBeGreaterThan(100);
  await d.getByRole('button', { name: 'Pause' }).click();
  await expect(d).toHaveAttribute('data-state', 'paused');
  const rows = await log(d);
  expect(rows.map((r) => r.step)).toEqual(rows.map((_, i) => i));
  expect(rows.at(-1)!.loss).toBeLessThan(rows[0]!.loss);
  await expect(d.locator('[data-role="badge"]')).toHaveText(/^WebGL · \d+(\.\d+)? ms\/step$/);
  // The chart drew the model: a line path besides the 20 dots (and a dot on each unit's kink).
  await expect(d.locator('[data-role="fit-chart"] svg g:not(.if-kinks) > circle')).toHaveCount(20);
});

test('reset restores the seeded start exactly and the run repeats', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  const start = (await log(d))[0]!;
  expect(start.columns).toEqual([0.5, 0.5, -0.5, -0.5]);
  await runTo(d, 30);
  const first = await log(d);
  await d.getByRole('button', { name: 'Reset' }).click();
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(d).toHaveAttribute('data-state', 'ready');
  expect((await log(d))[0]).toEqual(start);
  await runTo(d, 30);
  const again = await log(d);
  again.forEach((r, i) => {
    expect(r.step).toBe(first[i]!.step);
    expect(Math.abs(r.loss - first[i]!.loss)).toBeLessThan(1e-6);
  });
});

test('no tensor leaks: the worker holds as many tensors after 500 steps as after 1', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await runTo(d, 1);
  const afterOne = await d.getAttribute('data-tensors');
  await runTo(d, 500);
  await expect(d).toHaveAttribute('data-tensors', afterOne!);
  await d.getByRole('button', { name: 'Reset' }).click();
  await expect(d).toHaveAttribute('data-step', '0');
  await runTo(d, 1);
  await expect(d).toHaveAttribute('data-tensors', afterOne!);
});

test('settings live in the URL: a shared link restores them, copy link copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${PAGE}?${ID}.lr=0.05&${ID}.clear=0&${ID}.loss=mse`);
  const d = await readyDemo(page, ID);
  await expect(d.getByLabel('Learning rate', { exact: true })).toHaveValue('0.05');
  await expect(d.getByLabel('Clear gradients each step')).not.toBeChecked();
  await expect(d.getByLabel('Loss', { exact: true })).toHaveValue('mse');
  await expect(d.locator('[data-role="message"]')).toBeHidden();
  // Changing a control rewrites the URL.
  await d.getByLabel('Learning rate', { exact: true }).fill('0.2');
  await d.getByLabel('Learning rate', { exact: true }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`${ID}\\.lr=0\\.2`));
  await d.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`${ID}.lr=0.2`);
  expect(copied).toContain(`#${ID}`);
  // Opening the copied link restores the same settings.
  await page.goto(copied);
  const again = await readyDemo(page, ID);
  await expect(again.getByLabel('Learning rate', { exact: true })).toHaveValue('0.2');
});

test('a malformed or out-of-range link is refused with a message, defaults used, and a way back', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.lr=banana&${ID}.seed=-4`);
  const d = await readyDemo(page, ID);
  const message = d.locator('[data-role="message"]');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Learning rate: "banana" is not a number');
  await expect(message).toContainText('Data seed: -4 is outside the allowed range');
  await expect(d.getByLabel('Learning rate', { exact: true })).toHaveValue('0.01');
  await message.getByRole('button', { name: 'Use the default settings' }).click();
  await expect(message).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await readyDemo(page, ID);
});

test('a diverging learning rate (MSE at 10, as the text suggests) stops the run with a message, no NaN plotted', async ({ page }) => {
  await page.goto(`${PAGE}?${ID}.loss=mse&${ID}.lr=10`);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'diverged');
  const message = d.locator('[data-role="message"]');
  await expect(message).toBeVisible();
  await expect(message).toContainText(/Training stopped at step \d+: .*The learning rate \(10\) is too large/);
  const rows = await log(d);
  expect(rows.every((r) => Number.isFinite(r.loss) && r.columns.every(Number.isFinite))).toBe(true);
  const paths = await d.locator('svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  expect(paths.filter((p) => /NaN|Infinity/.test(p))).toEqual([]);
  await expect(d.getByRole('button', { name: 'Play' })).toBeDisabled();
  // The way back: lower the rate (a restart), and it trains again.
  await d.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await d.getByLabel('Learning rate', { exact: true }).press('Enter');
  await d.getByRole('button', { name: 'Reset' }).click();
  await expect(d).toHaveAttribute('data-state', 'ready');
  await expect(message).toBeHidden();
});

test('training pauses while the tab is hidden and resumes when it is back', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'running');
  await setVisibility(page, 'hidden');
  await expect(d).toHaveAttribute('data-state', 'paused');
  const step = Number(await d.getAttribute('data-step'));
  await page.waitForTimeout(500);
  expect(Number(await d.getAttribute('data-step'))).toBe(step);
  await setVisibility(page, 'visible');
  await expect(d).toHaveAttribute('data-state', 'running');
  await expect.poll(async () => Number(await d.getAttribute('data-step'))).toBeGreaterThan(step);
});

test('far off screen the run pauses, and resumes on return', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByRole('button', { name: 'Play' }).click();
  await expect(d).toHaveAttribute('data-state', 'running');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.body.style.setProperty('padding-bottom', '400vh'));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(d).toHaveAttribute('data-state', 'paused');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'running');
});

test('keyboard only: reach the controls with Tab and drive the demo', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await page.locator('h2#the-data').scrollIntoViewIfNeeded();
  await page.locator('h2#the-data').evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    h.focus();
  });
  const focusedAction = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? document.activeElement?.tagName);
  for (let i = 0; i < 40 && (await focusedAction()) !== 'step'; i++) await page.keyboard.press('Tab');
  expect(await focusedAction()).toBe('step');
  // Focus is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(d).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Tab');
  expect(await focusedAction()).toBe('play');
  await page.keyboard.press('Space');
  await expect(d).toHaveAttribute('data-state', 'running');
  await page.keyboard.press('Space');
  await expect(d).toHaveAttribute('data-state', 'paused');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  // The learning-rate slider moves with the arrow keys and the URL follows.
  await d.getByRole('slider', { name: 'Learning rate slider' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/double-relu\.lr=/);
});

test('without WebGL the demo trains on the CPU and says so', async ({ page }) => {
  await withoutWebGL(page);
  await page.goto(PAGE);
  const d = await readyDemo(page, ID, 'cpu');
  await expect(d.locator('[data-role="message"]')).toContainText('Training on the CPU instead of WebGL');
  await expect(d.locator('[data-role="badge"]')).toHaveText(/^CPU/);
  await runTo(d, 20);
  await expect(d).toHaveAttribute('data-step', '20');
});

test('the backend switch restarts the run on WebAssembly', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await d.getByLabel('Backend').selectOption('wasm');
  await expect(d).toHaveAttribute('data-backend', 'wasm', { timeout: 30_000 });
  await expect(d).toHaveAttribute('data-state', 'ready');
  await runTo(d, 10);
  await expect(d).toHaveAttribute('data-step', '10');
  await expect(page).toHaveURL(/double-relu\.backend=wasm/);
});

test('a lost WebGL context stops the run with a message, and reset starts afresh', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, ID);
  await runTo(d, 5);
  const worker = page.workers().find((w) => w.url().includes('worker'));
  expect(worker, 'the training worker').toBeDefined();
  // tfjs keeps its engine on the global object; lose the context its WebGL backend uses.
  await worker!.evaluate(() => {
    const engine = (self as unknown as { _tfengine: { backend: { gpgpu: { gl: WebGL2RenderingContext } } } })._tfengine;
    engine.backend.gpgpu.gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  await expect(d).toHaveAttribute('data-state', 'error');
  await expect(d.locator('[data-role="message"]')).toContainText('The graphics context was lost');
  await d.getByRole('button', { name: 'Reset' }).click();
  await expect(d).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(d).toHaveAttribute('data-step', '0');
  await runTo(d, 5);
  await expect(d).toHaveAttribute('data-step', '5');
});
