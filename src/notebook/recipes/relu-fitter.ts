import type { Recipe } from '../notebook';
import { reluNetCode } from './shared';

/** Chapter 4's N ReLUs fitting a target shape, with the kinks a reader dragged (src/train/relu-fitter.ts). */
export const reluFitterRecipe: Recipe = {
  steps: 1000,
  exactUntil: 160,
  columns: () => [],
  replaysEdits: true,
  cells: () => [
    {
      kind: 'code',
      source: String.raw`# The target at 41 points on [−2, 2]: a named shape, or the curve drawn on the page
# (a flat line at 0 until something is drawn).
x = np.linspace(-2, 2, 41)
if target == "drawn":
    y = np.array(drawn, dtype=float) if len(drawn) == len(x) else np.zeros_like(x)
else:
    shapes = {"quadratic": x * x, "sin": 2 * np.sin(2 * x), "abs": np.abs(x), "step": np.where(x < 0, 0.0, 1.0)}
    y = shapes[target]
x = torch.tensor(x, dtype=torch.float32)[:, None]
y = torch.tensor(y, dtype=torch.float32)[:, None]`,
    },
    { kind: 'code', source: reluNetCode(1) },
    {
      kind: 'code',
      source: String.raw`def edit_unit(unit, kink=None, slope=None):
    """Moves one unit (numbered from 0) as a dragged kink does: w·relu(m·x + b) gets its kink at
    x = kink (b = -m·kink) and the slope of its active side set to slope (w = slope/m).
    A unit with m ≈ 0 has no kink to move: it gets m = ±1 (and its kink at 0 unless given)."""
    with torch.no_grad():
        m0, b0, w0 = hidden.weight[unit, 0].item(), hidden.bias[unit].item(), output.weight[0, unit].item()
        flat = abs(m0) < 1e-3
        m = (-1.0 if m0 < 0 else 1.0) if flat else m0
        kink = kink if kink is not None else (0.0 if flat else -b0 / m0)
        slope = slope if slope is not None else w0 * m0
        hidden.weight[unit, 0] = m
        hidden.bias[unit] = -m * kink
        output.weight[0, unit] = slope / m`,
    },
    {
      kind: 'code',
      source: String.raw`log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y))
for step in range(1, steps + 1):
    for after, unit, kink, slope in edits:
        if after == step - 1:
            edit_unit(unit, kink, slope)  # a drag between steps; Adam keeps its running averages
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)  # the loss before this step's update, as the page logs it
    loss.backward()
    optimizer.step()
    if not log.row(step, loss.item()):
        break`,
    },
  ],
};

/** Chapter 4's constructive proof (src/train/relu-interpolant.ts): the curve through K + 1 knots, from K ReLUs set by hand. */
export const reluInterpolantRecipe: Recipe = {
  steps: 0,
  columns: () => ['pieces'],
  cells: () => [
    {
      kind: 'code',
      source: String.raw`# The target at 41 points on [−2, 2], and K + 1 evenly spaced knots on the same range.
shapes = {
    "quadratic": lambda x: x * x,
    "sin": lambda x: 2 * np.sin(2 * x),
    "abs": np.abs,
    "step": lambda x: np.where(x < 0, 0.0, 1.0),
}
f = shapes[target]
x = np.linspace(-2, 2, 41)
knots = np.linspace(-2, 2, pieces + 1)
slopes = np.diff(f(knots)) / np.diff(knots)  # the slope of each piece`,
    },
    {
      kind: 'code',
      source: String.raw`# Linear(1, K) → ReLU → Linear(K, 1) with its weights written down, not learned: unit j
# switches on at knot j and adds the change of slope there; the output bias is f at the first knot.
model = torch.nn.Sequential(torch.nn.Linear(1, pieces), torch.nn.ReLU(), torch.nn.Linear(pieces, 1))
with torch.no_grad():
    model[0].weight.copy_(torch.ones(pieces, 1))
    model[0].bias.copy_(torch.tensor(-knots[:-1]))
    model[2].weight.copy_(torch.tensor(np.diff(slopes, prepend=0.0))[None, :])
    model[2].bias.copy_(torch.tensor([float(f(knots[0]))]))
    prediction = model(torch.tensor(x, dtype=torch.float32)[:, None])
log.header()
log.row(0, torch.nn.MSELoss()(prediction, torch.tensor(f(x), dtype=torch.float32)[:, None]), [pieces])`,
    },
  ],
};
