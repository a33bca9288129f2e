import type { Recipe } from '../notebook';
import { lossCode, q1Code, q2Code } from './shared';

/** Chapter 1's fit by hand (src/train/quadratic.ts, quadratic-by-hand): the loss where a, b and c stand. */
export const quadraticByHandRecipe: Recipe = {
  steps: 0,
  columns: () => ['a', 'b', 'c'],
  cells: () => [
    { kind: 'code', source: `# Q1, as the site makes it (src/data/datasets.ts).\n${q1Code}` },
    {
      kind: 'code',
      source: String.raw`# The curve a·x² + b·x + c with the sliders' values, and its loss on the 20 points.
params = torch.tensor([a, b, c])
${lossCode}
log.header()
log.row(0, loss_fn(params[0] * x**2 + params[1] * x + params[2], y), params.tolist())`,
    },
  ],
};

/** Chapter 3's n ReLUs by hand on Q2 (src/train/relu-by-hand.ts): the mean absolute error where the sliders stand. */
export function reluByHandRecipe(n: number): Recipe {
  const keys = Array.from({ length: n }, (_, i) => [`m${i + 1}`, `b${i + 1}`]);
  return {
    steps: 0,
    columns: () => keys.flat(),
    cells: () => [
      { kind: 'code', source: `# Q2, as the site makes it (src/data/datasets.ts), from seed 42.\nseed = 42\n${q2Code}` },
      {
        kind: 'code',
        source: String.raw`# The sum of ReLUs relu(m·x + b), one per unit, with the sliders' values.
m = torch.tensor([${keys.map(([m]) => m).join(', ')}])
b = torch.tensor([${keys.map(([, b]) => b).join(', ')}])
prediction = torch.relu(x * m + b).sum(dim=1, keepdim=True)
log.header()
log.row(0, torch.nn.L1Loss()(prediction, y), torch.stack([m, b], dim=1).flatten().tolist())`,
      },
    ],
  };
}
