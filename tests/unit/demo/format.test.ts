import { describe, expect, it } from 'vitest';
import { aboutRange, claimCondition, formatNumber } from '../../../src/demo/format';

describe('numbers as the page writes them', () => {
  it('a checked range reads as "about" its middle, at the fewest decimals inside the range', () => {
    expect(aboutRange(1.56, 1.58)).toBe('about 1.57');
    expect(aboutRange(400, 500)).toBe('about 450');
    expect(aboutRange(1.95, 1.97)).toBe('about 1.96');
    expect(aboutRange(0.015, 0.03)).toBe('about 0.02');
    expect(aboutRange(0.014, 0.019)).toBe('about 0.017');
    expect(aboutRange(-1.43, -1.41)).toBe('about −1.42');
    expect(aboutRange(-10.1, -10.0)).toBe('about −10');
  });
  it('what a claim checks, in words', () => {
    expect(claimCondition({ below: 3.9 })).toBe('below 3.9');
    expect(claimCondition({ above: 0.5 })).toBe('above 0.5');
    expect(claimCondition({ between: [1.56, 1.58] })).toBe('between 1.56 and 1.58');
  });
  it('the step log: four decimals, exponent form for the very large and the very small', () => {
    expect(formatNumber(1.23456)).toBe('1.2346');
    expect(formatNumber(0.0001234)).toBe('1.234e-4');
    expect(formatNumber(123456)).toBe('1.235e+5');
    expect(formatNumber(0)).toBe('0.0000');
    // A race's run that was stopped has no value any more.
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
