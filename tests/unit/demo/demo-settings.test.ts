import { describe, expect, it } from 'vitest';
import { DemoSettings } from '../../../src/demo/demo-settings';
import { activationRace } from '../../../src/train/activation-race';

describe('settings that change only the drawing', () => {
  it('a race\'s "Fit shown" leaves the run at the chapter\'s settings; its seed does not', () => {
    const s = new DemoSettings(activationRace.settings, new URLSearchParams(), 'activation-race');
    expect(s.isDisplay('shown')).toBe(true);
    expect(s.isDisplay('seed')).toBe(false);
    s.values.shown = 'gelu';
    expect(s.usesDefaults).toBe(true);
    expect(s.runsWith({ ...s.values, shown: 'relu' })).toBe(true);
    s.values.seed = 2;
    expect(s.usesDefaults).toBe(false);
    expect(s.runsWith({ ...s.values, seed: 3 })).toBe(false);
  });
});
