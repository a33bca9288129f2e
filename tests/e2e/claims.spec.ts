import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readyDemo } from './demo';
import { builtPages } from './site';

/** Pages whose built HTML contains claims, with the demos those claims name. */
const pagesWithClaims = builtPages()
  .map((path) => {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    const demos = [...html.matchAll(/<nn-claim[^>]*data-demo="([^"]+)"/g)].map((m) => m[1]!);
    return { path, demos: [...new Set(demos)] };
  })
  .filter((p) => p.demos.length > 0);

test('claims exist to check (the build has at least one page with claims)', () => {
  expect(pagesWithClaims.length).toBeGreaterThan(0);
});

for (const backend of ['webgl', 'cpu'] as const) {
  for (const { path, demos } of pagesWithClaims) {
    test(`every claim on ${path} holds on ${backend}`, async ({ page }) => {
      test.setTimeout(600_000);
      const query = new URLSearchParams(demos.map((id) => [`${id}.backend`, backend]));
      await page.goto(`${path}${backend === 'webgl' ? '' : `?${query}`}`);
      for (const id of demos) await readyDemo(page, id, backend);
      const claims = page.locator('nn-claim');
      const count = await claims.count();
      // Claims at the chapter's settings in step order (one run serves them all), then claims about other settings.
      const order = await claims.evaluateAll((cs) =>
        cs.map((c, i) => {
          const { step, settings, than } = (c as HTMLElement).dataset;
          const at = step ? Number(step) : 1e9;
          // A ratio claim runs another run first: it goes with the claims about other settings.
          return [i, settings || than ? 2e9 + at : at] as const;
        }),
      );
      const failures: string[] = [];
      for (const [i] of [...order].sort((a, b) => a[1] - b[1])) {
        const claim = claims.nth(i);
        await claim.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
        await expect(claim).toHaveAttribute('data-state', /^(holds|fails)$/, { timeout: 60_000 });
        if ((await claim.getAttribute('data-state')) !== 'holds') {
          const context = await claim.evaluate((c) => c.parentElement?.innerText?.replace(/\s+/g, ' ').trim() ?? '');
          failures.push(
            `${path} (${backend}): claim "${await claim.locator('.if-claim__text').textContent()}" ` +
              `for demo ${await claim.getAttribute('data-demo')} at ${(await claim.getAttribute('data-settings')) ?? `step ${await claim.getAttribute('data-step')}`} ` +
              `observed ${await claim.getAttribute('data-observed')}; in: "${context.slice(0, 160)}"`,
          );
        }
      }
      expect(count).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }
}

test('a claim whose demo runs with other settings says so instead of judging', async ({ page }) => {
  await page.goto('/chapters/04-sums-of-relus/?double-relu.lr=0.5');
  await readyDemo(page, 'double-relu');
  const claim = page.locator('nn-claim[data-demo="double-relu"]').first();
  await claim.getByRole('button', { name: /^Check:/ }).click();
  await expect(claim).toHaveAttribute('data-state', 'other-settings');
});

test('comparison claims judge what the prose compares: the lowest of a race, and a ratio to another run (and fail with both values)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/chapters/08-training-faster/?optimizer-race.backend=cpu');
  await readyDemo(page, 'optimizer-race', 'cpu');
  const lowest = page.locator('nn-claim[data-lowest="true"]');
  const ratio = page.locator('nn-claim[data-than]');
  await expect(lowest).toHaveCount(1);
  await expect(ratio).toHaveCount(1);
  // As written: momentum is the lowest of the five at step 1000, and the mini-batch run within twice Adam's loss.
  for (const claim of [lowest, ratio]) {
    await claim.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: 120_000 });
  }
  const observedRatio = Number(await ratio.getAttribute('data-observed'));
  const rows = await page
    .locator('nn-fit-demo#optimizer-race')
    .evaluate((el) => (el as HTMLElement & { rowAt(s: number): { columns: number[] } }).rowAt(1000)!.columns);
  expect(observedRatio).toBeCloseTo(rows[3]! / rows[2]!, 5);
  // The same claims made false: Adam is not the lowest; the ratio is not below 1.2.
  await lowest.evaluate((c) => ((c as HTMLElement).dataset.metric = 'Adam'));
  await lowest.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
  await expect(lowest).toHaveAttribute('data-state', 'fails');
  await expect(lowest).toContainText('but SGD + momentum is at');
  await ratio.evaluate((c) => ((c as HTMLElement).dataset.below = '1.2'));
  await ratio.evaluate((c) => (c as HTMLElement & { check(): Promise<void> }).check());
  await expect(ratio).toHaveAttribute('data-state', 'fails');
  await expect(ratio).toContainText(/times the other run's/);
});
