/** Numbers as the log prints them: four decimals; very large or very small ones (a tiny loss, a gradient difference) in exponent form; no value (a race's stopped run) as a dash. */
export const formatNumber = (v: number): string =>
  Number.isNaN(v) ? '—' : v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toFixed(4);

/** What a demo says when no worker could start (`why` begins the sentence), with its way on. */
export const noWorkerMessage = (why: string): string =>
  `${why}, so this demo can't train in the background. It can train on this page instead, on the CPU backend: the numbers are the same, but the page may scroll less smoothly while it trains.`;

/**
 * A checked range as a reader says the number: "about" its middle, at the fewest decimals
 * that stay inside the range (about 1.57 for [1.56, 1.58], about 450 for [400, 500]), with a
 * true minus sign.
 */
export function aboutRange(low: number, high: number): string {
  const mid = (low + high) / 2;
  for (let d = 0; d <= 8; d++) {
    const f = 10 ** d;
    const v = Math.round(mid * f) / f;
    if (v >= low && v <= high) return `about ${(d > 0 ? v.toFixed(d) : String(v)).replace('-', '−')}`;
  }
  return `between ${low} and ${high}`;
}

/** What a claim checks, in words: "below 3.9", "above 0.5", "between 1.56 and 1.58". */
export const claimCondition = (c: { below?: number; above?: number; between?: [number, number] }): string =>
  c.below !== undefined ? `below ${c.below}` : c.above !== undefined ? `above ${c.above}` : `between ${c.between![0]} and ${c.between![1]}`;
