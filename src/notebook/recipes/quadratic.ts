import type { Recipe } from '../notebook';
import { lossCode, q1Code } from './shared';

/** Chapter 2's gradient descent on a·x² + b·x + c over Q1 (src/train/quadratic.ts). */
export const quadraticDescentRecipe: Recipe = {
  steps: 200,
  columns: () => ['a', 'b', 'c', 'grad a', 'grad b', 'grad c', 'lr'],
  cells: () => [
    { kind: 'code', source: `# Q1, as the site makes it (src/data/datasets.ts): a noisy 3x² + 4x + 5 at 20 points.\n${q1Code}` },
    {
      kind: 'code',
      source: String.raw`# ŷ = a·x² + b·x + c, from the chapter's start (a, b, c) = (1.1, 1.2, 1.3).
a = torch.tensor(1.1, requires_grad=True)
b = torch.tensor(1.2, requires_grad=True)
c = torch.tensor(1.3, requires_grad=True)
params = [a, b, c]


def model(x):
    return a * x**2 + b * x + c


${lossCode}
optimizer = torch.optim.SGD(params, lr=lr)

# The learning-rate schedule, stepped once after each update.
if schedule == "step":
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.5)  # halve every 50 steps
elif schedule == "cosine":
    # Cosine decay to 0 over 200 steps, then held at 0 as on the site
    # (torch's CosineAnnealingLR would climb back up after T_max).
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: (1 + math.cos(math.pi * min(epoch, 200) / 200)) / 2)
else:
    scheduler = None


def columns(grads, rate):
    return [a.item(), b.item(), c.item(), *grads, rate]  # a, b, c, grad a, grad b, grad c, lr`,
    },
    {
      kind: 'code',
      source: String.raw`log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y), columns([0, 0, 0], optimizer.param_groups[0]["lr"]))
for step in range(1, steps + 1):
    if clear:
        optimizer.zero_grad()  # untick "clear" and the gradients pile up from step to step
    step_lr = optimizer.param_groups[0]["lr"]  # the rate this step uses
    loss = loss_fn(model(x), y)  # the loss before this step's update, as the page logs it
    loss.backward()
    grads = [p.grad.item() for p in params]  # what the update uses (accumulated when not cleared)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    if not log.row(step, loss.item(), columns(grads, step_lr)):
        break`,
    },
  ],
};
