import { readFileSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import { tocTargets } from '../../build/lighter-starlight-toc.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
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
  const katexFonts = await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length);
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

test("the table of contents watches the same elements as Starlight's own query, on every page", async ({ page }) => {
  // A visit per page: the time follows from the number of pages (a page may take 10 s on a loaded machine).
  test.setTimeout(pages.length * 15_000);
  for (const path of pages) {
    await page.goto(path);
    const { ours, starlights } = await page.evaluate((source) => {
      const tocTargets = new Function(`return (${source})`)() as (heading: string) => Element[];
      // The heading selector as Starlight builds it from the levels the page's contents list.
      const { minH = '2', maxH = '3' } = document.querySelector<HTMLElement>('starlight-toc')?.dataset ?? {};
      const levels = Array.from({ length: 1 + Number(maxH) - Number(minH) }, (_, i) => `h${Number(minH) + i}`);
      const heading = `h1#_top,:where(${levels.join()})[id]`;
      const all = [...document.querySelectorAll('*')];
      const index = (els: Iterable<Element>) => [...els].map((el) => all.indexOf(el));
      const query = [
        `main :where(${heading})`,
        `main :where(${heading}, .sl-heading-wrapper) ~ *:not(:has(${heading}))`,
        `main .sl-markdown-content > *:not(:has(${heading}))`,
        `main > *:not(:has(${heading}))`,
      ].join();
      return { ours: index(tocTargets(heading)), starlights: index(document.querySelectorAll(query)) };
    }, tocTargets.toString());
    expect(ours.length, path).toBeGreaterThan(3);
    expect(ours, path).toEqual(starlights);
  }
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/chapters/04-sums-of-relus/');
  const toc = page.locator('starlight-toc');
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#_top');
  // The heading at the top of the window, under the header: its section is the one being read.
  await page.locator('#the-same-idea-on-a-surface').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, 200);
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#the-same-idea-on-a-surface');
});

// The pages whose built HTML folds demo code; each is checked in a test of its own (a page costs ~10 s on a loaded machine).
const folding = pages.filter((path) => readFileSync(`dist${path}index.html`, 'utf8').includes('class="if-source'));

test('the chapters with demos fold the code that runs them', () => {
  expect(folding.filter((path) => path.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(6);
});

for (const path of folding) {
  test(`${path} folds the code that runs its demos; opened, it is those files exactly, with a PyTorch tab`, async ({ page }) => {
    await page.goto(path);
    const source = page.locator('details.if-source');
    // The TypeScript listings: titled with their path in the repository.
    const blocks = source.locator('.expressive-code').filter({ has: page.locator('figcaption .title', { hasText: /^src\// }) });
    await expect(blocks.first()).toBeHidden();
    await source.locator('summary').click();
    // The tabs keep the reader's language from page to page (Starlight's syncKey).
    await source.getByRole('tab', { name: 'TypeScript (this site)' }).click();
    await expect(blocks.first()).toBeVisible();
    const titles = await blocks.locator('figcaption .title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const [i, title] of titles.entries()) {
      await expect(source.locator('summary')).toContainText(title.split('/').pop()!);
      // One element per line; an empty line holds a newline of its own.
      const shown = (await blocks.nth(i).locator('.ec-line').allTextContents()).map((l) => l.replace(/\n$/, '')).join('\n');
      expect(shown.trimEnd(), title).toBe(readFileSync(title, 'utf8').trimEnd());
    }
    await source.getByRole('tab', { name: 'PyTorch' }).click();
    await expect(source.getByRole('tabpanel')).toContainText('import torch');
  });
}

test('every font a page preloads is one its math uses (no wasted preload, no warning)', async ({ page }) => {
  // A visit per page: the time follows from the number of pages (a page may take 10 s on a loaded machine).
  test.setTimeout(pages.length * 15_000);
  let preloadedSize1 = 0;
  for (const path of pages) {
    await page.goto(path);
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => l.href.split('/').pop()!.split('.')[0]!),
    );
    // A face loads once the page's layout first uses it: wait for that, not for a quiet moment.
    const loaded = () => page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    for (const file of preloaded) {
      // KaTeX_Size1-Regular.<hash>.woff2 is the family KaTeX_Size1.
      await expect.poll(loaded, { message: `${path} preloads ${file}`, timeout: 10_000 }).toContain(file.split('-')[0]);
    }
    if (preloaded.some((f) => f.startsWith('KaTeX_Size1'))) preloadedSize1++;
  }
  // The inline sums of chapters 4 and 5.
  expect(preloadedSize1).toBe(2);
});

test('the page keeps its width whether or not it is long enough to scroll (nothing moves when the scrollbar comes)', async ({ baseURL }) => {
  // Playwright hides scrollbars by default; a reader's browser (and Lighthouse's) has them.
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] });
  const page = await browser.newPage({ viewport: { width: 1350, height: 900 } });
  await page.goto(`${baseURL}/chapters/06-torch-nn-modules/`);
  const layout = () =>
    page.evaluate(() =>
      ['.right-sidebar', '.sl-markdown-content', 'header button'].map((s) => document.querySelector(s)!.getBoundingClientRect().right),
    );
  const long = await layout();
  // The scrollbar is there, and takes room.
  expect(await page.evaluate(() => document.documentElement.clientWidth)).toBeLessThan(1350);
  // As a first paint sees the page before the parser has reached most of it: too short to scroll.
  await page.evaluate(() => document.querySelector('.sl-markdown-content')!.replaceChildren());
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  expect(await layout()).toEqual(long);
  await browser.close();
});
