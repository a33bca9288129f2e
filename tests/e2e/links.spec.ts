import { expect, test } from '@playwright/test';
import { LinkChecker } from 'linkinator';
import { BASE_PORT, BASE_PREFIX, PORT } from './servers';

/**
 * linkinator crawls from the home page through every internal link and checks each
 * fragment (#section) exists on its target page. The site links nowhere else; a link to
 * another origin would show up here as a failure, since this machine can't reach one.
 */
for (const [label, start] of [
  ['at the root', `http://localhost:${PORT}/`],
  ['under a base path', `http://localhost:${BASE_PORT}${BASE_PREFIX}`],
] as const) {
  test(`every internal link and fragment resolves ${label}`, async () => {
    test.setTimeout(120_000);
    const checker = new LinkChecker();
    const result = await checker.check({
      path: start,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      // Canonical and sitemap URLs name the deployed site (SITE_URL), which is not served here.
      linksToSkip: (url) => Promise.resolve(!url.startsWith('http://localhost:')),
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.url} (from ${l.parent ?? '?'}): ${l.status ?? ''} ${l.failureDetails?.map(String).join('; ') ?? ''}`);
    expect(broken).toEqual([]);
    // The crawl really went somewhere: the chapters and their assets were checked.
    const checked = result.links.map((l) => l.url);
    expect(checked.some((u) => u.includes('/chapters/01-functions/'))).toBe(true);
    expect(checked.some((u) => u.includes('/_astro/'))).toBe(true);
  });
}
