import { expect, test } from '@playwright/test';
import { builtPages, visitWholePage, watchPage } from './site';

const pages = builtPages();

test('the build produced the home page and chapter 1', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/chapters/01-functions/');
});

for (const path of pages) {
  test(`${path} loads cleanly: no console message, failed or foreign request`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const problems = watchPage(page, origin);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await visitWholePage(page);
    await expect(page.locator('h1').first()).toBeVisible();
    expect(problems).toEqual({ console: [], failedRequests: [], foreignRequests: [] });
  });
}

test('math is rendered at build time with KaTeX and its fonts are self-hosted', async ({ page, baseURL }) => {
  const problems = watchPage(page, new URL(baseURL!).origin);
  await page.goto('/chapters/01-functions/');
  // Display math became KaTeX markup (no raw $$ left in the text).
  await expect(page.locator('.katex-display').first()).toBeVisible();
  await expect(page.locator('.sl-markdown-content')).not.toContainText('$$');
  // The KaTeX fonts really load, from this origin.
  await page.evaluate(() => document.fonts.ready);
  const katexFonts = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length,
  );
  expect(katexFonts).toBeGreaterThan(0);
  expect(problems.foreignRequests).toEqual([]);
});

test('code blocks are highlighted and have a working copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/01-functions/');
  const block = page.locator('.expressive-code').first();
  // Syntax highlighting: tokens carry their own colours.
  expect(await block.locator('code span[style*="--0"]').count()).toBeGreaterThan(3);
  await block.hover();
  await block.getByRole('button', { name: /copy/i }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('function makeQuad(a: number, b: number, c: number)');
});

test('a missing page gets the 404 page with a way home', async ({ page }) => {
  const response = await page.goto('/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('h1')).toHaveText('Infinitely Flexible');
});

test('every chapter is in the sidebar in order, with previous/next links', async ({ page }) => {
  const chapters = pages.filter((p) => p.startsWith('/chapters/'));
  await page.goto(chapters[0]!);
  const links = page.locator('#starlight__sidebar a[href^="/chapters/"]');
  // Sidebar order is the chapters' file order (01-, 02-, ...), each one listed once.
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(chapters);
  // Each label starts with its chapter number, the number in the file name (04-… is "4.").
  const numbers = (await links.allTextContents()).map((t) => parseInt(t.trim(), 10));
  expect(numbers).toEqual(chapters.map((c) => parseInt(c.split('/')[2]!, 10)));
  expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', '/');
});
