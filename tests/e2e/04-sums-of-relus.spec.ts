import { expect, test, type Locator, type Page } from '@playwright/test';
import fixture from '../fixtures/trajectories.json' with { type: 'json' };
import { allowSteps, demo, log, readyDemo, runTo, stepCost } from './demo';

const PAGE = '/chapters/04-sums-of-relus/';

for (const clear of [true, false]) {
  test(`the double ReLU's step log reproduces the NumPy trajectory (clear gradients ${clear ? 'on' : 'off'})`, async ({ page }) => {
    await page.goto(`${PAGE}${clear ? '' : '?double-relu.clear=0'}`);
    const d = await readyDemo(page, 'double-relu');
    await runTo(d, fixture.chapter4.steps);
    const rows = (await log(d)).slice(1, fixture.chapter4.steps + 1);
    const expected = clear ? fixture.chapter4.cleared : fixture.chapter4.accumulated;
    rows.forEach((r, i) => {
      expect(Math.abs(r.loss - expected.losses[i]!), `loss at step ${r.step}`).toBeLessThan(1e-4);
      r.columns.forEach((p, j) => expect(Math.abs(p - expected.params[i]![j]!), `param ${j} at step ${r.step}`).toBeLessThan(1e-4));
    });
    expect(rows).toHaveLength(fixture.chapter4.steps);
  });
}

test('the code shown beside the demo is the file the demo runs, with a PyTorch tab', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByText('Show the code: double-relu.ts, relu-fitter.ts, and relu-surface.ts').click();
  await expect(page.getByRole('tab', { name: 'TypeScript (this site)' })).toBeVisible();
  await expect(page.locator('.expressive-code').first()).toContainText('export const doubleRelu = defineExperiment({');
  // The PyTorch tab is the demo's notebook at the chapter's settings (src/notebook), the program CI runs.
  await page.getByRole('tab', { name: 'PyTorch' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('lr = 0.01  # Learning rate');
  await expect(page.getByRole('tabpanel')).toContainText('optimizer = torch.optim.SGD([m, b], lr=lr)');
  await expect(demo(page, 'double-relu')).toBeVisible();
});

test('the N-ReLU fitter: one dashed curve per unit, and changing N or the target restarts the fit', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await expect(d.locator('g.if-units path')).toHaveCount(10);
  await expect(d.locator('thead th')).toHaveText(['step', 'loss']);
  await runTo(d, 50);
  const units = d.getByLabel('Units (N)', { exact: true });
  await units.fill('25');
  await units.press('Enter');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(d).toHaveAttribute('data-state', 'ready');
  await expect(d.locator('g.if-units path')).toHaveCount(25);
  const sine = await d.locator('[data-role="fit-chart"] circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cy')));
  await d.getByLabel('Target').selectOption('abs');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect.poll(() => d.locator('[data-role="fit-chart"] circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cy')))).not.toEqual(sine);
  await expect(page).toHaveURL(/relu-fitter\.units=25.*relu-fitter\.target=abs|relu-fitter\.target=abs.*relu-fitter\.units=25/);
  // Training the |x| shape with 25 units drives the error far down.
  await runTo(d, 300);
  expect((await log(d))[300]!.loss).toBeLessThan(0.01);
});

test('out-of-range unit counts in a link are refused', async ({ page }) => {
  await page.goto(`${PAGE}?relu-fitter.units=500`);
  const d = await readyDemo(page, 'relu-fitter');
  await expect(d.locator('[data-role="message"]')).toContainText('Units (N): 500 is outside the allowed range 1 to 50');
  await expect(d.locator('g.if-units path')).toHaveCount(10);
});

/** A kink handle's x (its aria-valuenow) and what its unit adds per unit of x (from its aria-valuetext). */
async function kink(handle: Locator): Promise<{ x: number; adds: number }> {
  const text = (await handle.getAttribute('aria-valuetext')) ?? '';
  return { x: Number(await handle.getAttribute('aria-valuenow')), adds: Number(/adds (-?[\d.]+(?:e[-+]?\d+)?)/.exec(text)?.[1]) };
}

test('kinks move by keyboard: arrows move the kink and its slope, Page Down picks the next unit, training goes on from there', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  // The handles come with the live chart, once the reader reaches for it (here: focus enters the demo).
  await d.getByRole('button', { name: 'Draw a target' }).focus();
  const handles = d.getByRole('slider', { name: /Unit \d+ of 10: kink/ });
  await expect(handles).toHaveCount(10);
  // One tab stop for all the handles (roving focus), on the first unit.
  await expect(d.locator('.if-demo__kink[tabindex="0"]')).toHaveCount(1);
  const third = d.getByRole('slider', { name: 'Unit 3 of 10: kink' });
  await d.getByRole('slider', { name: 'Unit 1 of 10: kink' }).focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(third).toBeFocused();
  const before = await kink(third);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await kink(third)).x).toBeCloseTo(before.x + 0.1, 3);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await kink(third)).adds).toBeCloseTo(before.adds + 0.5, 3);
  await expect(d).toHaveAttribute('data-edited-loss', /\d/);
  // The next step starts where the hand left the model: its logged loss is the edited loss.
  await expect(d).toHaveAttribute('data-state', /ready|paused/);
  const edited = Number(await d.getAttribute('data-edited-loss'));
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-step', '1');
  expect(Math.abs((await log(d))[1]!.loss - edited)).toBeLessThan(1e-5);
  // Training moves the handles.
  const moved = await kink(third);
  await runTo(d, 200);
  await expect.poll(async () => (await kink(third)).x).not.toBeCloseTo(moved.x, 3);
});

test('a kink dragged with the mouse follows the pointer sideways, and dragging up makes its unit add more', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await d.locator('.if-demo__stage').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // The pointer over the chart brings the live chart and its handles.
  await d.locator('.if-demo__stage').hover();
  const handle = d.getByRole('slider', { name: 'Unit 3 of 10: kink' });
  // Clear of the page's sticky header.
  await handle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await kink(handle);
  const box = (await handle.boundingBox())!;
  const chart = (await d.locator('[data-role="fit-chart"] svg').boundingBox())!;
  // The x axis spans [−2.2, 2.2] across the plot area: about 4.4 / (width − margins) per pixel.
  const perPixel = 4.4 / (chart.width - 64);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 - 60, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await kink(handle)).x).toBeGreaterThan(before.x + 100 * perPixel * 0.85);
  expect((await kink(handle)).x).toBeLessThan(before.x + 100 * perPixel * 1.15);
  expect((await kink(handle)).adds).toBeGreaterThan(before.adds + 0.5);
});

test('the reader draws a target with the mouse; the link carries the drawing, and malformed drawings are refused', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await d.getByRole('button', { name: 'Draw a target' }).click();
  const layer = d.getByRole('slider', { name: /Your curve/ });
  await expect(layer).toBeFocused();
  await layer.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await layer.boundingBox())!;
  // A V across the whole chart: high at both ends, low in the middle.
  await page.mouse.move(box.x + 40, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 0; i <= 30; i++) {
    const t = i / 30;
    await page.mouse.move(box.x + 40 + (box.width - 50) * t, box.y + box.height * (0.2 + 0.5 * (1 - Math.abs(2 * t - 1))));
  }
  await page.mouse.up();
  await expect(page).toHaveURL(/relu-fitter\.target=drawn/);
  await expect(d.getByLabel('Target')).toHaveValue('drawn');
  await expect(d).toHaveAttribute('data-state', 'ready');
  const drawn = new URL(page.url()).searchParams.get('relu-fitter.drawn')!.split(',').map(Number);
  expect(drawn).toHaveLength(41);
  // The drawing's shape: the middle well below both ends.
  expect(drawn[20]!).toBeLessThan(drawn[2]! - 2);
  expect(drawn[20]!).toBeLessThan(drawn[38]! - 2);
  await page.keyboard.press('Escape');
  await expect(d).toHaveAttribute('data-drawing', 'false');
  // The fit learns the drawing (given the time 500 steps take on this machine's WebGL).
  const start = (await log(d))[0]!.loss;
  allowSteps(500, await stepCost(d));
  await runTo(d, 500);
  expect((await log(d))[500]!.loss).toBeLessThan(start / 20);
  // The link opens the same target.
  await page.goto(page.url());
  const again = await readyDemo(page, 'relu-fitter');
  expect((await log(again))[0]!.loss).toBeCloseTo(start, 5);
  await page.goto(`${PAGE}?relu-fitter.target=drawn&relu-fitter.drawn=1,2,x`);
  const bad = await readyDemo(page, 'relu-fitter');
  await expect(bad.locator('[data-role="message"]')).toContainText('Your curve: has 3 values, not 41');
});

test('drawing by keyboard: arrows pick and move points, and the fit restarts once the reader pauses', async ({ page }) => {
  await page.goto(`${PAGE}?relu-fitter.target=drawn`);
  const d = await readyDemo(page, 'relu-fitter');
  // Nothing drawn yet: the demo says how to draw and is already in drawing mode, on a flat line.
  await expect(d.locator('[data-role="message"]')).toContainText('Draw your target on the chart');
  const layer = d.getByRole('slider', { name: /Your curve/ });
  await expect(layer).toBeFocused();
  await expect(layer).toHaveAttribute('aria-valuetext', 'point 21 of 41: x = 0.0000, y = 0.0000');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(layer).toHaveAttribute('aria-valuetext', 'point 22 of 41: x = 0.1000, y = 0.6000');
  await expect(page).toHaveURL(/relu-fitter\.drawn=/);
  const drawn = new URL(page.url()).searchParams.get('relu-fitter.drawn')!.split(',').map(Number);
  expect(drawn).toEqual(Array.from({ length: 41 }, (_, i) => (i === 21 ? 0.6 : 0)));
  await expect(d).toHaveAttribute('data-state', 'ready');
  await page.keyboard.press('Enter');
  await expect(d.getByRole('button', { name: 'Draw a target' })).toBeFocused();
  await expect(d.getByRole('slider', { name: /Unit \d+ of 10: kink/ })).toHaveCount(10);
});

/** Touch input as a phone sends it (Chromium turns it into pointer events of type touch). */
async function touchDrag(page: Page, from: { x: number; y: number }, path: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (const p of path) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('at 360 px with touch, a finger drags a kink and draws a target', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await d.locator('.if-demo__stage').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // A first touch on the chart brings its handles.
  await d.locator('.if-demo__stage').tap();
  const handle = d.getByRole('slider', { name: 'Unit 3 of 10: kink' });
  await handle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await kink(handle);
  const box = (await handle.boundingBox())!;
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await touchDrag(
    page,
    c,
    [1, 2, 3, 4].map((i) => ({ x: c.x + 12 * i, y: c.y })),
  );
  await expect.poll(async () => (await kink(handle)).x).toBeGreaterThan(before.x + 0.2);
  // A tap the loaded test machine delays past Chromium's long-press time turns into a long
  // press (no click): tap again only when the button did not turn on, as a reader would.
  const draw = d.locator('[data-action="draw"]');
  await expect(async () => {
    if ((await draw.getAttribute('aria-pressed')) !== 'true') await draw.tap();
    await expect(draw).toHaveAttribute('aria-pressed', 'true', { timeout: 3000 });
  }).toPass();
  const layer = d.getByRole('slider', { name: /Your curve/ });
  const lb = (await layer.boundingBox())!;
  const scrolled = await page.evaluate(() => window.scrollY);
  await touchDrag(
    page,
    { x: lb.x + 40, y: lb.y + lb.height * 0.8 },
    Array.from({ length: 10 }, (_, i) => ({ x: lb.x + 40 + ((lb.width - 50) * (i + 1)) / 10, y: lb.y + lb.height * 0.8 })),
  );
  await expect(page).toHaveURL(/relu-fitter\.target=drawn/);
  const drawn = new URL(page.url()).searchParams.get('relu-fitter.drawn')!.split(',').map(Number);
  // A low flat stroke across the chart: every point drawn below zero; the page did not scroll.
  expect(drawn.slice(3).every((y) => y < -1)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await context.close();
});

test('the surface demo: target and model as heat maps, one fold line per unit, and the fit improves as it trains', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-surface');
  // The build-time preview already shows both maps: 441 cells each.
  await expect(d.locator('[data-role="fit-chart"] g.if-cells rect')).toHaveCount(2 * 441);
  await runTo(d, 300);
  await expect(d).toHaveAttribute('data-drawn-step', /\d+/);
  // Twenty units, each folding the square along a line (a fold that misses the square is not drawn).
  const folds = await d.locator('[data-role="fit-chart"] g.if-folds path').count();
  expect(folds).toBeGreaterThan(5);
  expect(folds).toBeLessThanOrEqual(20);
  const rows = await log(d);
  expect(rows[300]!.loss).toBeLessThan(rows[0]!.loss / 10);
  await d.getByLabel('Surface', { exact: true }).selectOption('saddle');
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(page).toHaveURL(/relu-surface\.target=saddle/);
});

test("units: a key names each in its own colour, a dot marks each kink on its unit's line, and no handle leaves the chart", async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-fitter');
  await d.locator('.if-demo__stage').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await d.locator('.if-demo__stage').hover();
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-drawn-step', '1');
  // The key: ten units, eight colours in turn, each the colour its line is drawn in.
  const swatches = d.locator('[data-role="unit-legend"] li .if-swatch');
  await expect(d.locator('[data-role="unit-legend"] li')).toHaveText(Array.from({ length: 10 }, (_, j) => `unit ${j + 1}`));
  const keyColours = await swatches.evaluateAll((els) => els.map((e) => getComputedStyle(e).borderTopColor));
  const lineColours = await d.locator('g.if-units path').evaluateAll((els) => els.map((e) => getComputedStyle(e).stroke));
  expect(lineColours).toEqual(keyColours);
  expect(new Set(keyColours.slice(0, 8)).size).toBe(8);
  expect(keyColours[8]).toBe(keyColours[0]);
  // One dot per kink inside the chart's x-range: as many as the handles not marked off the chart sideways.
  const handles = d.getByRole('slider', { name: /of 10: kink/ });
  await expect(handles).toHaveCount(10);
  const inside = async () =>
    (await handles.evaluateAll((hs) => hs.filter((h) => !h.getAttribute('aria-valuetext')!.includes('off the chart')))).length;
  await expect(d.locator('g.if-kinks circle')).toHaveCount(await inside());
  // Each dot lies on a dashed line of its colour (Plot's own scales put both there).
  const onLines = await d.locator('[data-role="fit-chart"] svg').evaluate((svg) => {
    const paths = [...svg.querySelectorAll<SVGPathElement>('g.if-units path')];
    return [...svg.querySelectorAll<SVGCircleElement>('g.if-kinks circle')].map((c) => {
      const [x, y] = [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
      // On a line of its colour (units 1 and 9 share one).
      const ofColour = paths.filter((p) => getComputedStyle(p).stroke === getComputedStyle(c).fill);
      let best = Infinity;
      for (const path of ofColour) {
        const total = path.getTotalLength();
        for (let s = 0; s <= total; s += 0.5) {
          const p = path.getPointAtLength(s);
          best = Math.min(best, Math.hypot(p.x - x, p.y - y));
        }
      }
      return best;
    });
  });
  expect(onLines.length).toBeGreaterThan(0);
  for (const distance of onLines) expect(distance).toBeLessThan(1.5);
  // Make one unit add far more: the sum beyond its kink leaves the chart's top, and the
  // handles there wait at the chart's edge, dotted, instead of above it.
  const first = handles.first();
  await first.focus();
  for (let i = 0; i < 20; i++) await first.press('Shift+ArrowUp');
  await expect
    .poll(() => handles.evaluateAll((hs) => hs.filter((h) => h.dataset.outside === 'true').length))
    .toBeGreaterThan(await countOffSideways(handles));
  const chart = (await d.locator('[data-role="fit-chart"] svg').boundingBox())!;
  for (const box of await handles.evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect().toJSON() as DOMRect))) {
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    expect(cx).toBeGreaterThanOrEqual(chart.x);
    expect(cx).toBeLessThanOrEqual(chart.x + chart.width);
    expect(cy).toBeGreaterThanOrEqual(chart.y);
    expect(cy).toBeLessThanOrEqual(chart.y + chart.height);
  }
});

/** Handles whose kink lies off the chart sideways (the others marked outside are off it above or below). */
const countOffSideways = (handles: Locator) =>
  handles.evaluateAll((hs) => hs.filter((h) => h.getAttribute('aria-valuetext')!.includes('off the chart')).length);

test('the heat maps have a colour key, and on a phone they stand one above the other, each as wide as the column allows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-surface');
  await expect(d.locator('[data-role="unit-legend"] svg.if-colour-key')).toBeVisible();
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-drawn-step', '1');
  const chart = (await d.locator('[data-role="fit-chart"] svg').boundingBox())!;
  expect(chart.height).toBeGreaterThan(1.5 * chart.width);
});

test('on a phone the live charts are tall enough to read: the fit chart at least 0.75 of its width, the loss chart 0.45', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  const d = await readyDemo(page, 'double-relu');
  await d.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(d).toHaveAttribute('data-drawn-step', '1');
  const fit = (await d.locator('[data-role="fit-chart"] svg').boundingBox())!;
  await expect.poll(async () => (await d.locator('[data-role="loss-chart"] svg').boundingBox())!.height).toBeGreaterThan(0.45 * fit.width);
  expect(fit.height).toBeGreaterThan(0.75 * fit.width);
});

test('the construction: K pieces take K units, each bending the curve at a knot, and more pieces follow the sine more closely', async ({ page }) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-interpolant');
  const pieces = d.getByLabel('Pieces (units)', { exact: true });
  const losses: number[] = [];
  for (const k of [8, 16]) {
    await pieces.fill(String(k));
    await pieces.press('Enter');
    await expect(d.locator('g.if-units path')).toHaveCount(k);
    await expect(d.locator('[data-role="unit-legend"] li')).toHaveCount(k <= 10 ? k : 1);
    // One dot per unit, at the knots −2, −2 + 4/K, …: read back through the chart's own x scale.
    const knots = await d.locator('[data-role="fit-chart"] svg').evaluate((svg) => {
      const sx = (svg as SVGSVGElement & { scale(n: string): { apply(v: number): number } }).scale('x');
      const px = [...svg.querySelectorAll('g.if-kinks circle')].map((c) => Number(c.getAttribute('cx')));
      return { px, perUnit: sx.apply(1) - sx.apply(0), zero: sx.apply(0) };
    });
    // A unit that adds no change of slope (where the sine's pieces either side are parallel) bends nothing: no dot.
    expect(knots.px.length).toBeGreaterThanOrEqual(k - 2);
    const knotAt = (p: number) => (p - knots.zero) / knots.perUnit;
    for (const p of knots.px) expect(Math.abs(((knotAt(p) + 2) * k) / 4 - Math.round(((knotAt(p) + 2) * k) / 4))).toBeLessThan(0.02);
    losses.push(Number(await d.getAttribute('data-loss')));
  }
  expect(losses[0]! / losses[1]!).toBeGreaterThan(10);
});

test('the construction with a knot dragged: the line is built anew through the target there, its loss changes, and Back to the start puts the knots back', async ({
  page,
}) => {
  await page.goto(PAGE);
  const d = await readyDemo(page, 'relu-interpolant');
  const start = Number(await d.getAttribute('data-loss'));
  // The handles come with the live chart, once focus enters the demo.
  await d.getByLabel('Pieces (units)', { exact: true }).focus();
  await expect(d.getByRole('slider', { name: /Unit \d+ of 4: kink/ })).toHaveCount(4);
  // Unit 2 switches on at the knot x = −1; three long steps left take it to −1.75.
  const second = d.getByRole('slider', { name: 'Unit 2 of 4: kink' });
  await expect.poll(async () => (await kink(second)).x).toBeCloseTo(-1, 3);
  await second.focus();
  // A key press moves the handle from where it is drawn: each waits for the last one's redraw, as a reader's eye does.
  for (const x of [-1.25, -1.5, -1.75]) {
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await kink(second)).x).toBeCloseTo(x, 3);
  }
  // One piece now spans [−1.75, 0], across the sine's trough: the broken line misses far more.
  await expect.poll(async () => Number(await d.getAttribute('data-edited-loss'))).toBeGreaterThan(2 * start);
  await d.getByRole('button', { name: 'Back to the start' }).click();
  await expect.poll(async () => (await kink(second)).x).toBeCloseTo(-1, 3);
  await expect(d).toHaveAttribute('data-loss', String(start));
});
