import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { builtPages } from './site';

/**
 * Every decimal number in a chapter's prose has something behind it. Outside claims (checked
 * on both backends), computed values (<Computed>, from the data at build time), code, math and
 * the demos' own controls, what is left is listed here with what it is: a setting the text
 * names, a reading of the data set, a quotation. An exercise's task may name the numbers the
 * exercise itself sets (its bounds and settings); its hints and notes are checked number by
 * number in tests/unit/exercises/catalog.test.ts. A new number in the prose fails this test
 * until it is a claim, a computed value, or listed here with its reason.
 */
const LEDGER: Record<string, Record<string, string>> = {
  '02-gradient-descent': {
    '0.01': "the demo's learning rate",
    '0.3': 'a learning rate the text sets (with the mean squared error it diverges, as the claims beside it check)',
    '0.1': "the cosine schedule's starting rate the text sets",
  },
  '04-sums-of-relus': {
    '0.01': "the demo's learning rate",
    '1.96': 'quoted: what the well-known version of the exercise prints (the claim beside it reproduces it)',
    '−0.8': 'where the text suggests dragging a knot (tests/unit/train/relu-interpolant.test.ts checks that it lowers the error)',
    '0.8': 'the same, on the other side',
  },
  '05-a-hidden-layer-by-hand': {
    '0.01': "the demo's learning rate",
    '0.9': "the optimizer's momentum",
  },
  '06-torch-nn-modules': {
    '0.01': "the line's learning rate",
    '0.001': "the MLP's learning rate",
    '0.0001': 'the smaller learning rate the text sets for 20 units',
  },
  '07-activation-functions': {
    '0.01': "LeakyReLU's slope below zero, a constant of the function",
  },
  '08-training-faster': {
    '0.01': "the race's learning rate",
    '0.9': "the optimizer's momentum",
    '0.1': 'a learning rate the text sets',
  },
};

const DECIMAL = /[−-]?\d+\.\d+/g;
const chapters = builtPages().filter((p) => p.startsWith('/chapters/'));

/** The decimals of a page's prose outside what is checked elsewhere; an exercise's task may also name its own numbers. */
function proseNumbers(html: string): { found: string[]; own: Set<number> } {
  const { document } = parseHTML(html);
  const main = document.querySelector('main')!;
  const own = new Set<number>();
  for (const ex of main.querySelectorAll('nn-exercise')) {
    const walk = (v: unknown): void => {
      if (typeof v === 'number') own.add(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(ex.getAttribute('data-condition')!));
    walk(JSON.parse(ex.getAttribute('data-solution')!));
    // Its hints, note and status come from the catalog, where each number is checked.
    for (const part of ex.querySelectorAll('[data-role="hint"], .if-exercise__solution, [data-role="status"], .if-exercise__answer')) part.remove();
  }
  for (const el of main.querySelectorAll(
    'nn-claim, [data-computed], pre, code, .katex, nn-fit-demo, nn-playground, script, style, svg, .expressive-code',
  ))
    el.remove();
  const text = main.textContent!.replace(/\s+/g, ' ');
  return { found: [...text.matchAll(DECIMAL)].map((m) => m[0].replace('-', '−')), own };
}

for (const path of chapters) {
  const chapter = path.split('/')[2]!;
  test(`${path}: every decimal in the prose is a claim, computed, or listed with its reason`, () => {
    const { found, own } = proseNumbers(readFileSync(join('dist', path, 'index.html'), 'utf8'));
    const ledger = LEDGER[chapter] ?? {};
    const unlisted = found.filter((n) => !(n in ledger) && !own.has(Number(n.replace('−', '-'))));
    expect(unlisted, `${path}: numbers in the prose with nothing behind them`).toEqual([]);
    // The ledger lists only what the page says.
    for (const n of Object.keys(ledger)) expect(found, `${path}: the ledger lists ${n}`).toContain(n);
  });
}

test('the ledger names only chapters that are built', () => {
  const built = new Set(chapters.map((p) => p.split('/')[2]));
  for (const chapter of Object.keys(LEDGER)) expect(built.has(chapter), chapter).toBe(true);
});
