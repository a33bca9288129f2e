import { describe, expect, it } from 'vitest';
import { RandomState } from '../../../src/data';
import fixture from '../../fixtures/random.json';

type Call = (typeof fixture)[number]['calls'][number];

/** Replays one recorded NumPy call on our RandomState. */
function replay(rs: RandomState, { call, args }: Call): number[] {
  switch (call) {
    case 'randomSample':
      return rs.randomSample(args[0]!);
    case 'uniform':
      return rs.uniform(args[0]!, args[1]!, args[2]!);
    case 'normal':
      return rs.normal(args[0]!, args[1]!, args[2]!);
    case 'randint':
      return rs.randint(args[0]!, args[1]!, args[2]!);
    case 'permutation':
      return rs.permutation(args[0]!);
    default:
      throw new Error(`fixture has an unknown call ${call}`);
  }
}

describe('RandomState matches numpy.random.RandomState bit for bit', () => {
  for (const { seed, calls } of fixture) {
    it(`seed ${seed}: the same sequence of calls gives the same float64 values`, () => {
      const rs = new RandomState(seed);
      for (const c of calls) {
        // toEqual on numbers is Object.is per element: exact float64 equality.
        expect(replay(rs, c), `${c.call}(${c.args.join(', ')})`).toEqual(c.values);
      }
    });
  }

  it('shuffle reorders in place with the same swaps as permutation', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
    const shuffled = new RandomState(42).shuffle([...items]);
    const perm = new RandomState(42).permutation(items.length);
    expect(shuffled).toEqual(perm.map((i) => items[i]));
  });

  it('a single draw without size returns a number from the same stream', () => {
    const one = new RandomState(7);
    const many = new RandomState(7).normal(0, 1, 3);
    expect([one.normal(), one.normal(), one.normal()]).toEqual(many);
  });
});

describe('RandomState refuses bad arguments, naming them', () => {
  it.each([
    [() => new RandomState(-1), /seed must be an integer in \[0, 2\*\*32 - 1\], got -1/],
    [() => new RandomState(1.5), /seed .* got 1.5/],
    [() => new RandomState(2 ** 32), /seed .* got 4294967296/],
    [() => new RandomState(0).normal(0, -1, 3), /scale must be >= 0, got -1/],
    [() => new RandomState(0).randint(5, 5, 1), /low < high, got low=5, high=5/],
    [() => new RandomState(0).uniform(0, 1, -2), /size must be a non-negative integer, got -2/],
    [() => new RandomState(0).uniform(Number.NaN, 1, 2), /low and high must be finite, got NaN/],
    [() => new RandomState(0).permutation(2.5), /size must be a non-negative integer, got 2.5/],
  ])('%#', (fn, message) => {
    expect(fn).toThrow(message);
  });
});
