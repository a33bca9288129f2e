import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, useTheme, visitWholePage } from './site';

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe over the whole page. One exception, kept as narrow as it can be: Starlight's search
 * button shows "Ctrl K" as a shortcut hint beside its label "Search", and label-in-name
 * counts the hint as label text. That one rule runs again over everything but that button.
 */
async function violations(page: Page): Promise<string[]> {
  const main = await new AxeBuilder({ page }).withTags(WCAG_A_AA).disableRules(['label-content-name-mismatch']).analyze();
  const labelInName = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).exclude('button[data-open-modal]').analyze();
  return [...main.violations, ...labelInName.violations].map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const path of [...builtPages(), '/no-such-page/']) {
    test(`${path} has no WCAG 2 A/AA violations (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await visitWholePage(page);
      expect(await violations(page)).toEqual([]);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`an exercise solved, one with a hint opened, and the answer field: no WCAG 2 A/AA violations (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/chapters/03-the-relu/?relu-1.m1=5&relu-1.b1=1#ch3-one-relu');
    await expect(page.locator('nn-exercise#ch3-one-relu')).toHaveAttribute('data-state', 'solved', { timeout: 30_000 });
    await page.locator('nn-exercise#ch3-two-relus summary').first().click();
    await expect(page.locator('nn-exercise#ch3-two-relus [data-role="hint"]').nth(1)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.goto('/chapters/07-activation-functions/');
    await page.locator('nn-exercise#ch7-pick-winner').scrollIntoViewIfNeeded();
    expect(await violations(page)).toEqual([]);
  });
}
