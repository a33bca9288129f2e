import type { Recipe } from '../notebook';
import { reluNetCode } from './shared';

/** Chapter 4's N ReLUs on a surface over [−2, 2]² (src/train/relu-surface.ts). */
export const reluSurfaceRecipe: Recipe = {
  steps: 1000,
  exactUntil: 600,
  columns: () => [],
  cells: () => [
    {
      kind: 'code',
      source: String.raw`# A 21 × 21 grid on [−2, 2]², x1 varying fastest as on the site: 441 inputs (x1, x2).
side = np.linspace(-2, 2, 21)
x2, x1 = np.meshgrid(side, side, indexing="ij")
x1, x2 = x1.ravel(), x2.ravel()
if target == "bump":
    z = 2 * np.exp(-(x1 * x1 + x2 * x2) / 2)
elif target == "saddle":
    z = x1 * x2 / 2
else:  # "ripple"
    z = np.sin(x1 + x2)
x = torch.tensor(np.stack([x1, x2], axis=1), dtype=torch.float32)
y = torch.tensor(z, dtype=torch.float32)[:, None]`,
    },
    { kind: 'code', source: reluNetCode(2) },
    {
      kind: 'code',
      source: String.raw`log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y))
for step in range(1, steps + 1):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)  # the loss before this step's update, as the page logs it
    loss.backward()
    optimizer.step()
    if not log.row(step, loss.item()):
        break`,
    },
  ],
};
