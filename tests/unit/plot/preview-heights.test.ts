import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contourHeight, fitHeight, landscapeHeight, lossHeight } from '../../../src/plot/sizes';

/**
 * Below 560 px the build's previews (drawn 640 wide) take the live charts' heights from
 * fit-demo.css, found by their viewBox. If a chart's size changes in sizes.ts, these rules
 * must change with it, or the page moves again when the live charts arrive on a phone.
 */
const css = readFileSync('components/demo/fit-demo.css', 'utf8');
const narrowRules = css.slice(css.indexOf('@container (max-width: 559px)'));
/** The aspect ratio (width / height) the CSS gives the preview whose viewBox is 640 × `height`. */
function cssAspect(height: number): number {
  const rule = narrowRules.match(new RegExp(`[^{}]*viewBox='0 0 640 ${height}'[^{}]*\\{\\s*aspect-ratio:\\s*([\\d.]+)\\s*/\\s*([\\d.]+)`));
  expect(rule, `no rule for the preview 640 × ${height}`).not.toBeNull();
  return Number(rule![1]) / Number(rule![2]);
}

describe("on a phone, the build's previews keep the live charts' heights", () => {
  // Each chart: its height drawn 640 wide (the preview), and drawn 320 wide (a live chart on a phone).
  const charts = {
    fit: [fitHeight(640), fitHeight(320)],
    loss: [lossHeight(640), lossHeight(320)],
    'loss with a legend': [lossHeight(640, true), lossHeight(320, true)],
    'loss along a': [landscapeHeight(640), landscapeHeight(320)],
    'contour map': [contourHeight(640), contourHeight(320)],
  };
  for (const [name, [preview, live]] of Object.entries(charts)) {
    it(`${name}: the preview 640 × ${preview} is given the live chart's shape, 320 × ${live}`, () => {
      expect(Math.abs(cssAspect(preview!) / (320 / live!) - 1)).toBeLessThan(0.01);
    });
  }
});
