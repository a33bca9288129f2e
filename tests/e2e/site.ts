import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Every page the build produced, as a URL path ("/", "/chapters/01-functions/"), found by
 * walking the output folder, so a new chapter is tested without being listed anywhere.
 * `base` is the path the build was made for. The 404 page is left out: it is tested on
 * its own, through a missing URL.
 */
export function builtPages(distDir = 'dist', base = '/'): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      } else if (entry.name === 'index.html') {
        const rel = relative(distDir, dir).split(sep).join('/');
        pages.push(rel ? `${base}${rel}/` : base);
      }
    }
  };
  walk(distDir);
  if (pages.length === 0) throw new Error(`No pages found in ${distDir}/: build the site first`);
  return pages.sort();
}

/** What went wrong while a page was open: console errors and warnings, bad or foreign requests. */
export interface PageProblems {
  console: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Starts recording a page's problems; call before `goto`. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { console: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      problems.console.push(`${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.console.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) {
      problems.foreignRequests.push(req.url());
    }
  });
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  return problems;
}

/** Scrolls through the page so lazy parts (demos, images) load, then waits for the network. */
export async function visitWholePage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight / 2);
    for (let y = 0; y < document.body.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
}

/** Makes Starlight start in the given theme (it reads localStorage before painting). */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}
