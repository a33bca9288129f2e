import { expect, test, type Page } from '@playwright/test';
import { BASE_PORT, BASE_PREFIX } from './servers';

/** Opens Starlight's search dialog, types a query, returns the result links. */
async function search(page: Page, query: string) {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input.pagefind-ui__search-input').fill(query);
  const results = dialog.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  return results;
}

test('search finds a word that only a chapter uses, and the result opens it', async ({ page }) => {
  await page.goto('/');
  const results = await search(page, 'closure');
  await expect(results.first()).toHaveAttribute('href', /\/chapters\/01-functions\/$/);
  await results.first().click();
  await expect(page.locator('h1')).toHaveText('1. A model is a function with parameters');
});

test('search works from the keyboard (Ctrl+K)', async ({ page }) => {
  await page.goto('/chapters/01-functions/');
  // Starlight loads the search box when the browser is idle; the shortcut focuses it once there.
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
  await expect(page.locator('input.pagefind-ui__search-input')).toBeAttached({ timeout: 15_000 });
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  // Focus lands in the search field, so the reader can type straight away.
  await expect(page.locator('input.pagefind-ui__search-input')).toBeFocused({ timeout: 15_000 });
  await page.keyboard.type('gradient');
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible();
});

test('under a base path, search loads its index and links inside the prefix', async ({ page }) => {
  await page.goto(`http://localhost:${BASE_PORT}${BASE_PREFIX}`);
  const results = await search(page, 'closure');
  await expect(results.first()).toHaveAttribute('href', `${BASE_PREFIX}chapters/01-functions/`);
  await results.first().click();
  await expect(page).toHaveURL(`http://localhost:${BASE_PORT}${BASE_PREFIX}chapters/01-functions/`);
});
