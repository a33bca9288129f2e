/**
 * npm run audit:lighthouse: Lighthouse (mobile and desktop presets) on every built page,
 * served by `astro preview`. Prints a table; exits non-zero below budget:
 * performance >= 95, accessibility, best practices and SEO = 100.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath } from '../tests/e2e/chromium.ts';
import { builtPages } from '../tests/e2e/site.ts';
import { startPreview } from './preview-server.ts';

const PORT = 4341;
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof BUDGET;


const server = await startPreview(PORT);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? chromiumPath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
const rows: Record<string, Record<string, number>> = {};
const failures: string[] = [];
try {
  for (const path of builtPages()) {
    for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
      const result = await lighthouse(`http://localhost:${PORT}${path}`, { port: chrome.port, logLevel: 'error', output: 'json' }, config);
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const scores: Record<string, number> = {};
      for (const category of Object.keys(BUDGET) as Category[]) {
        const score = Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
        scores[category] = score;
        if (score < BUDGET[category]) {
          const audits = Object.values(result.lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && result.lhr.categories[category]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => a.id);
          failures.push(`${path} (${preset}) ${category} ${score} < ${BUDGET[category]}: ${audits.join(', ')}`);
        }
      }
      rows[`${path} ${preset}`] = scores;
    }
  }
} finally {
  chrome.kill();
  server.stop();
}
console.table(rows);
if (failures.length) {
  console.error(`Below budget:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('Every page meets the budget.');
