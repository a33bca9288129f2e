/** Numbers as the log prints them: four decimals; very large or very small ones (a tiny loss, a gradient difference) in exponent form. */
export const formatNumber = (v: number): string => (v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toFixed(4));

/** What a demo says when no worker could start (`why` begins the sentence), with its way on. */
export const noWorkerMessage = (why: string): string =>
  `${why}, so this demo can't train in the background. It can train on this page instead, on the CPU backend: the numbers are the same, but the page may scroll less smoothly while it trains.`;
