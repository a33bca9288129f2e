import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_SETS, classificationSet, trainTestSplit, type ClassificationSet } from '../../../src/data/classification';
import { FEATURE_NAMES, featureRows } from '../../../src/data/features';
import fixture from '../../fixtures/playground.json';

describe('classification sets', () => {
  it.each(fixture.sets)(
    '$name (n $n, noise $noise, seed $seed) is NumPy’s, point for point (to 1e-13)',
    ({ name, n, noise, seed, x1, x2, label }) => {
      const d = classificationSet(name as ClassificationSet, { n, noise, seed });
      expect(d.label).toEqual(label);
      if (name === 'xor') {
        // Uniform draws and additions only: exact.
        expect(d.x1).toEqual(x1);
        expect(d.x2).toEqual(x2);
      } else {
        // Gaussian draws use log (the polar method) and the spiral sin: V8's and the C library's may differ in the last bit.
        d.x1.forEach((v, i) => expect(Math.abs(v - x1[i]!)).toBeLessThan(1e-13));
        d.x2.forEach((v, i) => expect(Math.abs(v - x2[i]!)).toBeLessThan(1e-13));
      }
    },
  );

  it('gives each class half the points, and noise moves points without relabelling them', () => {
    for (const name of Object.keys(CLASSIFICATION_SETS) as ClassificationSet[]) {
      const clean = classificationSet(name, { n: 101, seed: 4 });
      const noisy = classificationSet(name, { n: 101, seed: 4, noise: 1 });
      if (name !== 'xor') expect(clean.label.filter((l) => l === 1).length, name).toBe(50);
      expect(noisy.label).toEqual(clean.label);
      const moved = noisy.x1.map((v, i) => Math.hypot(v - clean.x1[i]!, noisy.x2[i]! - clean.x2[i]!));
      // Jitter of σ = 1 in each coordinate: the mean distance moved is √(π/2) ≈ 1.25.
      expect(moved.reduce((a, b) => a + b, 0) / moved.length, name).toBeGreaterThan(1);
    }
  });

  it('xor labels by quadrant and keeps its points 0.5 away from the axes', () => {
    const d = classificationSet('xor', { n: 300, seed: 1 });
    d.x1.forEach((a, i) => {
      const b = d.x2[i]!;
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.5);
      expect(d.label[i]).toBe(a * b > 0 ? 1 : 0);
    });
  });

  it('refuses a point count that is not a whole number of at least 2', () => {
    expect(() => classificationSet('circle', { n: 1 })).toThrow('n must be a whole number ≥ 2, got 1');
    expect(() => classificationSet('circle', { n: 2.5 })).toThrow('got 2.5');
  });
});

describe('trainTestSplit', () => {
  it.each(fixture.splits)('splits $n rows at $fraction with seed $seed as NumPy’s permutation does', ({ n, fraction, seed, train, test }) => {
    expect(trainTestSplit(n, fraction, seed)).toEqual({ train, test });
  });

  it('keeps at least one row on each side, and refuses fractions outside (0, 1)', () => {
    expect(trainTestSplit(3, 0.01, 0).train).toHaveLength(1);
    expect(trainTestSplit(3, 0.99, 0).test).toHaveLength(1);
    expect(() => trainTestSplit(10, 1, 0)).toThrow('trainFraction must be between 0 and 1, got 1');
  });
});

describe('featureRows', () => {
  it('maps each point to the chosen features, row by row', () => {
    expect(featureRows([2, -1], [3, 0.5], ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2'])).toEqual([2, 3, 4, 9, 6, -1, 0.5, 1, 0.25, -0.5]);
    expect(featureRows([Math.PI / 2], [0], ['sin1', 'sin2'])).toEqual([1, 0]);
    expect(FEATURE_NAMES).toEqual(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2']);
  });

  it('refuses no features, and inputs of different lengths', () => {
    expect(() => featureRows([1], [1], [])).toThrow('choose at least one feature');
    expect(() => featureRows([1, 2], [1], ['x1'])).toThrow('x1 has 2 values and x2 1');
  });
});
