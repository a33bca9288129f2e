/**
 * The Mersenne Twister MT19937, seeded the way NumPy's legacy `RandomState(seed)` seeds it
 * for an integer seed (Matsumoto and Nishimura's `init_genrand`). Produces 32-bit words.
 * Reference: M. Matsumoto, T. Nishimura, "Mersenne Twister" (1998), and NumPy's
 * `randomkit`/`mt19937` sources for the seeding.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  readonly #mt = new Uint32Array(N);
  #index = N;

  /** `seed` must be an integer in [0, 2³²), as NumPy requires. */
  constructor(seed: number) {
    const mt = this.#mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 · prev + i, modulo 2³²: Math.imul keeps the low 32 bits exactly.
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** The next 32-bit unsigned word (`genrand_int32`). */
  nextUint32(): number {
    const mt = this.#mt;
    if (this.#index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & UPPER_MASK) | (mt[(k + 1) % N]! & LOWER_MASK);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      this.#index = 0;
    }
    let y = mt[this.#index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits, exactly as NumPy's `random_sample` builds it. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 2 ** 53;
  }
}
