import { exactLog } from './exact-log';
import { MT19937 } from './mt19937';

/** A shape for NumPy-style `size` arguments: a count, or omitted for one value. */
type Size = number | undefined;

function checkSize(method: string, size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`RandomState.${method}: size must be a non-negative integer, got ${size}`);
  }
}

/** The smallest all-ones bit mask covering `max` (NumPy's rejection-sampling mask). */
function maskFor(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/**
 * NumPy's legacy `numpy.random.RandomState(seed)`, bit for bit: the same seed and the same
 * calls give the same float64 values as `np.random.seed(seed)` in Python. Covers
 * `random_sample`, `uniform`, `normal` (the legacy polar method, with its cached second
 * value), `randint`, `permutation` and `shuffle`.
 */
export class RandomState {
  readonly seed: number;
  #bits: MT19937;
  #gauss: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`RandomState: seed must be an integer in [0, 2**32 - 1], got ${seed}`);
    }
    this.seed = seed;
    this.#bits = new MT19937(seed);
  }

  /** Uniform doubles in [0, 1): `random_sample(size)`. */
  randomSample(): number;
  randomSample(size: number): number[];
  randomSample(size?: Size): number | number[] {
    return this.#draw('randomSample', size, () => this.#bits.nextDouble());
  }

  /** Uniform doubles in [low, high): `uniform(low, high, size)`. */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: number): number[];
  uniform(low = 0, high = 1, size?: Size): number | number[] {
    if (!Number.isFinite(low) || !Number.isFinite(high)) {
      throw new RangeError(`RandomState.uniform: low and high must be finite, got ${low} and ${high}`);
    }
    return this.#draw('uniform', size, () => low + (high - low) * this.#bits.nextDouble());
  }

  /** Gaussian doubles with mean `loc` and standard deviation `scale`: `normal(loc, scale, size)`. */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: number): number[];
  normal(loc = 0, scale = 1, size?: Size): number | number[] {
    if (!(scale >= 0)) throw new RangeError(`RandomState.normal: scale must be >= 0, got ${scale}`);
    return this.#draw('normal', size, () => loc + scale * this.#gaussian());
  }

  /** Integers in [low, high): `randint(low, high, size)`; `randint(high)` means [0, high). */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: number): number[];
  randint(low: number, high?: number, size?: Size): number | number[] {
    const [lo, hi] = high === undefined ? [0, low] : [low, high];
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi <= lo) {
      throw new RangeError(`RandomState.randint: need integers low < high, got low=${lo}, high=${hi}`);
    }
    const max = hi - lo - 1;
    if (max > 0xffffffff) throw new RangeError(`RandomState.randint: range ${hi - lo} is wider than 2**32`);
    const mask = maskFor(max);
    return this.#draw('randint', size, () => {
      if (max === 0) return lo;
      let v: number;
      do v = (this.#bits.nextUint32() & mask) >>> 0;
      while (v > max);
      return lo + v;
    });
  }

  /** Shuffles `array` in place (Fisher–Yates from the end, NumPy's order) and returns it. */
  shuffle<T>(array: T[]): T[] {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.#interval(i);
      [array[i], array[j]] = [array[j]!, array[i]!];
    }
    return array;
  }

  /** A shuffled `[0, 1, …, n−1]`: `permutation(n)`. */
  permutation(n: number): number[] {
    checkSize('permutation', n);
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** A uniform integer in [0, max] by masked rejection (NumPy's `random_interval`). */
  #interval(max: number): number {
    const mask = maskFor(max);
    let v: number;
    do v = (this.#bits.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }

  /** Legacy polar Box–Muller: two normals per accepted pair, the second kept for next time. */
  #gaussian(): number {
    if (this.#gauss !== null) {
      const g = this.#gauss;
      this.#gauss = null;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.#bits.nextDouble() - 1;
      x2 = 2 * this.#bits.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * exactLog(r2)) / r2);
    this.#gauss = f * x1;
    return f * x2;
  }

  #draw(method: string, size: Size, one: () => number): number | number[] {
    if (size === undefined) return one();
    checkSize(method, size);
    return Array.from({ length: size }, one);
  }
}
