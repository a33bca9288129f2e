// @ts-check
/**
 * A Vite plugin that makes Starlight's table of contents cheaper to start.
 *
 * Starlight's <starlight-toc> (and the mobile one) finds the elements to watch with one
 * querySelectorAll whose selectors end in `*:not(:has(heading))`: the browser tests that
 * :has() against every element in <main>, each over its whole subtree. On a chapter with
 * thousands of elements (highlighted code, math, charts) that took about 30 ms per
 * table of contents on a desktop CPU, and there are two of them per page; on a phone it
 * was most of the main-thread blocking Lighthouse measures.
 *
 * This replaces that one query with a walk that finds the same elements, in the same
 * (document) order, looking into each top-level block once. Everything else in Starlight's
 * script is untouched. If Starlight's code changes so that the query is not found, the build
 * fails here rather than quietly shipping the slow path (tests/e2e check that the current
 * section is still highlighted).
 */

const QUERY =
  /const toObserve = document\.querySelectorAll\(\[\s*`main :where\(\$\{this\.tocHeadingSelector\}\)`,\s*`main :where\(\$\{this\.tocHeadingSelector\}, \.sl-heading-wrapper\) ~ \*:not\(:has\(\$\{this\.tocHeadingSelector\}\)\)`,\s*`main \.sl-markdown-content > \*:not\(:has\(\$\{this\.tocHeadingSelector\}\)\)`,\s*`main > \*:not\(:has\(\$\{this\.tocHeadingSelector\}\)\)`\s*\]\.join\(\)\);/;

/**
 * The elements Starlight's query matches:
 *   main :where(H)                                    every heading,
 *   main :where(H, .sl-heading-wrapper) ~ *:not(:has(H))  later siblings of a heading (or its wrapper) with no heading inside,
 *   main .sl-markdown-content > *:not(:has(H))         blocks of the content with no heading inside,
 *   main > *:not(:has(H))                              children of main with no heading inside.
 * @param {string} heading the selector H
 * @returns {Element[]}
 */
function tocTargets(heading) {
  const found = new Set();
  const noHeadingInside = (/** @type {Element} */ el) => !el.querySelector(heading);
  for (const main of document.querySelectorAll('main')) {
    for (const el of main.querySelectorAll(heading)) found.add(el);
    // `a ~ b` matches every sibling after the first match in each parent.
    const firstInParent = new Map();
    for (const start of main.querySelectorAll(`:where(${heading}, .sl-heading-wrapper)`)) {
      if (!firstInParent.has(start.parentElement)) firstInParent.set(start.parentElement, start);
    }
    for (const first of firstInParent.values()) {
      for (let el = first.nextElementSibling; el; el = el.nextElementSibling) if (noHeadingInside(el)) found.add(el);
    }
    for (const content of main.querySelectorAll('.sl-markdown-content')) {
      for (const el of content.children) if (noHeadingInside(el)) found.add(el);
    }
    for (const el of main.children) if (noHeadingInside(el)) found.add(el);
  }
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** @returns {import('vite').Plugin} */
export function lighterStarlightToc() {
  return {
    name: 'infinitely-flexible:lighter-starlight-toc',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@astrojs[\\/]starlight[\\/].*starlight-toc\.js$/.test(id.split('?')[0] ?? '')) return;
      if (!QUERY.test(code)) {
        throw new Error(`${id}: Starlight's table-of-contents query changed; update build/lighter-starlight-toc.mjs`);
      }
      return `${code.replace(QUERY, 'const toObserve = tocTargets(this.tocHeadingSelector);')}\n${tocTargets.toString()}\n`;
    },
  };
}

export { tocTargets };
