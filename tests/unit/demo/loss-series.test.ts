import { describe, expect, it } from 'vitest';
import { shownSeries } from '../../../src/demo/loss-series';
import { activationRace } from '../../../src/train/activation-race';
import { doubleRelu } from '../../../src/train/double-relu';
import { defaults } from '../../../src/train/settings';

describe("a race's fit shown, as its loss chart names it", () => {
  const series = ['ReLU', 'LeakyReLU', 'ELU', 'GELU', 'Softplus', 'Tanh', 'Sigmoid', 'Hardtanh', 'Identity'].map((label) => ({ label }));
  it('the run the display setting names, and its line', () => {
    const spec = activationRace.settings;
    expect(shownSeries(spec, defaults(spec), series)).toEqual({ label: 'Tanh', index: 5 });
    expect(shownSeries(spec, { ...defaults(spec), shown: 'none' }, series)).toEqual({ label: 'Identity', index: 8 });
  });
  it('nothing for a demo of one run, or a value no run has', () => {
    expect(shownSeries(doubleRelu.settings, defaults(doubleRelu.settings), undefined)).toBeUndefined();
    expect(shownSeries(activationRace.settings, { shown: 'nonsense' }, series)).toBeUndefined();
  });
});
