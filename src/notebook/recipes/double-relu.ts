import type { Recipe } from '../notebook';
import { lossCode, q2Code } from './shared';

/** Chapter 4's double ReLU on Q2 (src/train/double-relu.ts). */
export const doubleReluRecipe: Recipe = {
  steps: 1000,
  columns: () => ['m1', 'b1', 'm2', 'b2'],
  cells: () => [
    { kind: 'code', source: `# Q2, as the site makes it (src/data/datasets.ts).\n${q2Code}` },
    {
      kind: 'code',
      source: String.raw`# relu(m1·x + b1) + relu(m2·x + b2), from the chapter's fixed start.
m = torch.tensor([0.5, -0.5], requires_grad=True)
b = torch.tensor([0.5, -0.5], requires_grad=True)


def model(x):
    return torch.relu(x * m + b).sum(dim=1, keepdim=True)


${lossCode}
optimizer = torch.optim.SGD([m, b], lr=lr)


def columns():
    return torch.stack([m, b], dim=1).flatten().tolist()  # m1, b1, m2, b2`,
    },
    {
      kind: 'code',
      source: String.raw`log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y), columns())
for step in range(1, steps + 1):
    if clear:
        optimizer.zero_grad()
    loss = loss_fn(model(x), y)  # the loss before this step's update, as the page logs it
    loss.backward()
    optimizer.step()
    if not log.row(step, loss.item(), columns()):
        break`,
    },
  ],
};
