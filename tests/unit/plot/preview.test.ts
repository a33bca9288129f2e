import { describe, expect, it } from 'vitest';
import { demoPreview } from '../../../src/demo/preview';
import { NOTEBOOK_DEMOS } from '../../../src/notebook/demos';

describe('the build-time charts of every demo', () => {
  for (const { demo, experiment, recipe } of NOTEBOOK_DEMOS) {
    it(`${demo}: drawn without a Plot warning (the ⚠ glyph it would print in the chart)`, async () => {
      const p = await demoPreview(experiment, { logScale: false, hand: recipe.steps === 0 });
      expect(p.fitSvg).not.toContain('⚠');
      expect(p.lossSvg).not.toContain('⚠');
    });
  }
});
