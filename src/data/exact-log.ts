/**
 * Natural logarithm rounded correctly to the nearest float64.
 *
 * Why: NumPy's Gaussian calls C's `log`, which glibc rounds correctly, while V8's
 * `Math.log` (fdlibm) is off by one ulp for some inputs. One ulp in `log` changes a
 * normal draw's last bit, and "the same numbers as NumPy" would stop being true. So the
 * polar method uses this instead: log(m·2ᵏ) = k·ln 2 + 2·atanh((m−1)/(m+1)), summed in
 * double-double arithmetic (~106 bits) and rounded once at the end.
 */

/** A double-double: the unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2. */
type DD = readonly [number, number];

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** Dekker's split of a double into two 26-bit halves (JavaScript has no fused multiply-add). */
function split(a: number): DD {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add([ah, al]: DD, [bh, bl]: DD): DD {
  const [s, e] = twoSum(ah, bh);
  return twoSum(s, e + al + bl);
}

function mul([ah, al]: DD, [bh, bl]: DD): DD {
  const [p, e] = twoProd(ah, bh);
  return twoSum(p, e + ah * bl + al * bh);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, mul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = add(r, mul(b, [-q2, 0]));
  const q3 = r2[0] / b[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

/** ln(x) for finite x > 0, correctly rounded except in cases rarer than 2⁻⁵⁰ of inputs. */
export function exactLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  // x = m · 2^k with m in [1/√2, √2); scaling by a power of two is exact.
  let k = Math.floor(Math.log2(x));
  let m = x / 2 ** k;
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  } else if (m < Math.SQRT1_2) {
    m *= 2;
    k -= 1;
  }
  // s = (m − 1)/(m + 1); m − 1 is exact here (Sterbenz), m + 1 is kept as a double-double.
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  // atanh(s) = s + s³/3 + s⁵/5 + …; |s| < 0.172, so 24 terms reach far below 2⁻¹⁰⁶.
  let term = s;
  let sum = s;
  for (let n = 3; n < 50; n += 2) {
    term = mul(term, s2);
    sum = add(sum, div(term, [n, 0]));
  }
  const result = add(mul(LN2, [k, 0]), mul(sum, [2, 0]));
  return result[0] + result[1];
}
