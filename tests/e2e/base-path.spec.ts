import { expect, test } from '@playwright/test';
import { BASE_PORT, BASE_PREFIX } from './servers';
import { builtPages, visitWholePage, watchPage } from './site';

const origin = `http://localhost:${BASE_PORT}`;

for (const path of builtPages('dist-base', BASE_PREFIX)) {
  test(`under ${BASE_PREFIX}: ${path} loads every asset and links only inside the prefix`, async ({ page }) => {
    const problems = watchPage(page, origin);
    const response = await page.goto(origin + path);
    expect(response?.status()).toBe(200);
    await visitWholePage(page);
    expect(problems).toEqual({ console: [], failedRequests: [], foreignRequests: [] });
    // Every same-site link and asset reference carries the prefix.
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((u) => u.startsWith('/') && !u.startsWith('//')),
    );
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((u) => !u.startsWith(BASE_PREFIX))).toEqual([]);
  });
}
