import { expect, test, type Page } from '@playwright/test';
import { demo, DEMOS, readyDemo, runTo } from './demo';
import { builtPages } from './site';

/**
 * The site in hostile browsers and behind careful hosts: no Web Workers, a worker script
 * that fails to load, no WebAssembly, and a strict Content-Security-Policy.
 */
const PAGE = '/chapters/04-sums-of-relus/';
const ID = 'double-relu';

/** The policy the README's deploy section gives static hosts. */
const STRICT_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

/** Serves every response with `policy`, and records each violation the page or a worker reports. */
async function serveWithPolicy(page: Page, policy: string): Promise<string[]> {
  const violations: string[] = [];
  await page.route('**/*', async (route) => {
    // A request still in flight when the test ends (a lazy chunk) fails to fetch: dropped, as the page is gone.
    const response = await route.fetch().catch(() => null);
    if (!response) return;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } }).catch(() => {});
  });
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  const fromConsole = (text: string) => /Content.Security.Policy/i.test(text) && violations.push(`console: ${text}`);
  page.on('console', (m) => fromConsole(m.text()));
  page.on('worker', (w) => w.on('console', (m) => fromConsole(m.text())));
  return violations;
}

/** Scrolls from top to bottom, so every demo on the page starts. */
async function visitAll(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
}

test.describe('under a strict Content-Security-Policy', () => {
  for (const path of builtPages()) {
    test(`${path} loads with no violation`, async ({ page }) => {
      const violations = await serveWithPolicy(page, STRICT_POLICY);
      await page.goto(path);
      await visitAll(page);
      const demos = page.locator(DEMOS);
      for (let i = 0; i < (await demos.count()); i++) await expect(demos.nth(i)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      // The theme switch is one of the scripts that used to be inline.
      await page.locator('starlight-theme-select select').first().selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(violations).toEqual([]);
    });
  }

  test('claims resolve, search answers, and the demo trains on WebGL and on WebAssembly', async ({ page }) => {
    test.setTimeout(120_000);
    const violations = await serveWithPolicy(page, STRICT_POLICY);
    await page.goto(PAGE);
    const d = await readyDemo(page, ID);
    const claim = page.locator(`nn-claim[data-demo="${ID}"][data-step="40"][data-below="3.9"]:not([data-settings])`);
    await claim.getByRole('button', { name: /^Check:/ }).click();
    await expect(claim).toHaveAttribute('data-state', 'holds');
    await expect(d).toHaveAttribute('data-backend', 'webgl');
    await d.getByLabel('Backend').selectOption('wasm');
    await expect(d).toHaveAttribute('data-backend', 'wasm', { timeout: 30_000 });
    await runTo(d, 20);
    await expect(d).toHaveAttribute('data-step', '20');
    await expect(d.locator('[data-role="message"]')).toBeHidden();
    // Pagefind's search runs WebAssembly too.
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('dialog').locator('input.pagefind-ui__search-input').fill('closure');
    await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
    expect(violations).toEqual([]);
  });

  test("a policy without 'wasm-unsafe-eval' gets a message that names it, and the demo trains on the CPU", async ({ page }) => {
    await serveWithPolicy(page, STRICT_POLICY.replace(" 'wasm-unsafe-eval'", ''));
    await page.goto(`${PAGE}?${ID}.backend=wasm`);
    const d = await readyDemo(page, ID, 'cpu');
    await expect(d.locator('[data-role="message"]')).toContainText(
      "Training on the CPU instead of WebAssembly: this site's Content-Security-Policy does not allow WebAssembly (its script-src needs 'wasm-unsafe-eval')",
    );
    await runTo(d, 5);
    await expect(d).toHaveAttribute('data-step', '5');
  });
});

test('without WebAssembly the demo says so and trains on the CPU', async ({ page }) => {
  await page.route('**/_astro/worker*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `self.WebAssembly = undefined;\n${await response.text()}` });
  });
  await page.goto(`${PAGE}?${ID}.backend=wasm`);
  const d = await readyDemo(page, ID, 'cpu');
  await expect(d.locator('[data-role="message"]')).toContainText('Training on the CPU instead of WebAssembly: this browser has no WebAssembly');
  await runTo(d, 5);
  await expect(d).toHaveAttribute('data-step', '5');
});

/** Trains the demo on the page after the message's offer, and checks it against a worker's run on the CPU. */
async function trainInPage(page: Page): Promise<void> {
  const d = demo(page, ID);
  await page.getByRole('button', { name: 'Train on this page (CPU)' }).first().click();
  await expect(d).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(d).toHaveAttribute('data-backend', 'cpu');
  await expect(d.locator('[data-role="message"]')).toBeHidden();
  await expect(d.locator('[data-role="badge"]')).toHaveText(/^CPU on this page/);
  // Play and pause answer on the page's own thread too.
  await d.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await d.getAttribute('data-step'))).toBeGreaterThan(10);
  await d.getByRole('button', { name: 'Pause' }).click();
  await expect(d).toHaveAttribute('data-state', 'paused', { timeout: 2_000 });
  const paused = await d.getAttribute('data-step');
  await page.waitForTimeout(1_000);
  await expect(d).toHaveAttribute('data-step', paused!);
  await d.getByRole('button', { name: 'Reset' }).click();
  await expect(d).toHaveAttribute('data-step', '0');
  await runTo(d, 40);
  const inPage = await d.getAttribute('data-loss');
  // Asking for WebGL here still trains on the CPU, and says why.
  await d.getByLabel('Backend').selectOption('webgl');
  await expect(d.locator('[data-role="message"]')).toContainText(
    'Training on the CPU instead of WebGL: on this page, without a worker, the demo trains on the CPU backend only',
  );
  await expect(d).toHaveAttribute('data-backend', 'cpu');
  // The same numbers as the worker gives on the CPU backend.
  const other = await page.context().newPage();
  await other.goto(`${PAGE}?${ID}.backend=cpu`);
  const reference = await readyDemo(other, ID, 'cpu');
  await runTo(reference, 40);
  expect(inPage).toBe(await reference.getAttribute('data-loss'));
  await other.close();
}

test('without Web Workers the demo says why and offers to train on the page', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await page.goto(PAGE);
  const d = demo(page, ID);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'error');
  const message = d.locator('[data-role="message"]');
  await expect(message).toBeVisible();
  await expect(message).toContainText('This browser has no Web Workers');
  await expect(message).toContainText('It can train on this page instead, on the CPU backend');
  await trainInPage(page);
});

test('a worker script that fails to load is named, with the same way on', async ({ page }) => {
  await page.route('**/_astro/worker*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(PAGE);
  const d = demo(page, ID);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(d.locator('[data-role="message"]')).toContainText('The training worker could not start');
  await page.unroute('**/_astro/worker*.js');
  await trainInPage(page);
});

test('a link naming a demo this page lacks says so, shortened', async ({ page }) => {
  await page.goto(`${PAGE}?nosuchdemo.lr=5&${'z'.repeat(5000)}.lr=1`);
  const first = page.locator(DEMOS).first();
  await first.scrollIntoViewIfNeeded();
  const message = first.locator('[data-role="message"]');
  await expect(message).toContainText('this page has no demo "nosuchdemo" or');
  await expect(message).toContainText(`"${'z'.repeat(40)}…"`);
  expect((await message.textContent())!.length).toBeLessThan(600);
});
