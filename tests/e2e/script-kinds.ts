/**
 * Which of a page's scripts is which, for the page-weight budgets (`quality.spec.ts`) and the
 * bench's JavaScript figures, which must count alike.
 */

/** The demo runtime's worker (tfjs inside): fetched by the worker itself, never by the page's thread. */
export const isWorker = (f: { url: string }): boolean => /\/worker[.-]/.test(new URL(f.url).pathname);

/**
 * Pagefind's search UI, the chunk Starlight's search imports when the page first goes idle:
 * before the page's first network-idle on a quiet machine, after it on a busy one.
 */
export const isSearchUi = (f: { url: string }): boolean => /\/ui-core\.[\w-]+\.js$/.test(new URL(f.url).pathname);
