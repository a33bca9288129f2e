/**
 * npm run test:firefox: a smoke test in a second engine. Drives Debian's firefox-esr with
 * puppeteer-core over every built page (math typeset, demo charts drawn) and trains the
 * chapter 4 demo: on the CPU headless (Firefox has no WebGL there) and on WebGL under
 * xvfb-run (`--headful`), asserting which backend it really ran on.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { builtPages } from '../tests/e2e/site.ts';
import { startPreview } from './preview-server.ts';

const PORT = 4343;
const headful = process.argv.includes('--headful');
const expectedBackend = headful ? 'webgl' : 'cpu';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) throw new Error(`No Firefox at ${firefox}: apt-get install firefox-esr, or set FIREFOX_PATH`);

const server = await startPreview(PORT);
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: !headful });
const failures: string[] = [];
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const path of builtPages()) {
    errors.length = 0;
    // Let the page settle (Starlight loads its search box when idle) before leaving it.
    await page.goto(`http://localhost:${PORT}${path}`, { waitUntil: 'networkidle0' });
    const seen = await page.evaluate(() => ({
      h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      rawMath: document.querySelector('.sl-markdown-content')?.textContent?.includes('$$') ?? false,
      math: document.querySelectorAll('.katex').length,
      demos: document.querySelectorAll('nn-fit-demo, nn-playground').length,
      charts: document.querySelectorAll(':is(nn-fit-demo, nn-playground) figure svg').length,
    }));
    const ok = seen.h1 !== '' && !seen.rawMath && (!path.startsWith('/chapters/') || seen.math > 0) && seen.charts >= 2 * seen.demos;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${path}: ${seen.math} formulas, ${seen.demos} demos, ${seen.charts} charts`);
    if (!ok) failures.push(`${path}: ${JSON.stringify(seen)}`);
    if (errors.length) failures.push(`${path}: uncaught ${errors.join('; ')}`);
  }

  await page.goto(`http://localhost:${PORT}/chapters/04-sums-of-relus/`, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('#double-relu')?.scrollIntoView());
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#double-relu')?.dataset.state === 'ready', { timeout: 60_000 });
  const curve = () => page.evaluate(() => document.querySelector('#double-relu g.if-prediction path')?.getAttribute('d') ?? '');
  const before = await curve();
  await page.evaluate(() => (document.querySelector('#double-relu') as HTMLElement & { runTo(n: number): Promise<unknown> }).runTo(40));
  const run = await page.evaluate(() => ({ ...(document.querySelector('#double-relu') as HTMLElement).dataset }));
  // The live chart follows the training: its curve is redrawn within a moment.
  await page
    .waitForFunction((d) => document.querySelector('#double-relu g.if-prediction path')?.getAttribute('d') !== d, { timeout: 10_000 }, before)
    .catch(() => failures.push('the chart did not follow the training'));
  const loss = Number(run.loss);
  console.log(`chapter 4 demo in Firefox (${headful ? 'xvfb' : 'headless'}): backend ${run.backend}, step ${run.step}, loss ${loss}`);
  if (run.backend !== expectedBackend) failures.push(`expected the ${expectedBackend} backend, got ${run.backend}`);
  // The same 40 steps as chapter 4's claim: below 3.9, and not below 3.8.
  if (run.step !== '40' || !(loss < 3.9 && loss > 3.8)) failures.push(`training went wrong: ${JSON.stringify(run)}`);
} finally {
  await browser.close();
  server.stop();
}
if (failures.length) {
  console.error(`Firefox smoke test failed:\n${failures.join('\n')}`);
  process.exit(1);
}
