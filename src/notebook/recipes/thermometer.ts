import type { Cell, Recipe } from '../notebook';
import { linearCode } from './shared';

/** Dataset T with its split, as src/data/datasets.ts makes it. */
const dataCell: Cell = {
  kind: 'code',
  source: String.raw`# Dataset T (src/data/datasets.ts): eleven readings in °C and in unknown units. A permutation
# from RandomState(42) holds the last 2 out for validation; the inputs are scaled to 0.1·t_u.
t_c = np.array([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])
t_u = np.array([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])
perm = np.random.RandomState(42).permutation(len(t_c))
train, val = perm[:-2], perm[-2:]


def column(values):
    return torch.tensor(values, dtype=torch.float32)[:, None]


x, y = column(0.1 * t_u[train]), column(t_c[train])
x_val, y_val = column(0.1 * t_u[val]), column(t_c[val])`,
};

/**
 * One full-batch SGD step per epoch, logged by the page's rule: the training and the
 * validation loss before the update, the model's own columns (`after()`) after it.
 */
const loopCell: Cell = {
  kind: 'code',
  source: String.raw`optimizer = torch.optim.SGD(model.parameters(), lr=lr)


def validation_loss():
    with torch.no_grad():
        return loss_fn(model(x_val), y_val).item()


log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y), [validation_loss(), *after()])
for step in range(1, steps + 1):  # one step = one epoch on the 9 training readings
    validation = validation_loss()  # both losses before this step's update, as the page logs them
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if not log.row(step, loss.item(), [validation, *after()]):  # the model's own columns after the update
        break`,
};

/** Chapter 6's Linear(1, 1) on T (src/train/thermometer.ts). */
export const thermoLinearRecipe: Recipe = {
  steps: 3000,
  columns: () => ['validation loss', 'w', 'b', 'distance to least squares'],
  cells: () => [
    dataCell,
    {
      kind: 'code',
      source: String.raw`# A line, w·x + b: Linear(1, 1) with the site's seeded start.
${linearCode}


model = seeded_linear(np.random.RandomState(seed), 1, 1)

# The least-squares line through the training points, in closed form (float64).
w_ls, b_ls = np.polyfit(0.1 * t_u[train], t_c[train], 1)
loss_fn = torch.nn.MSELoss()


def after():
    """The log's columns after the validation loss: w, b and how far they are from least squares."""
    w, b = model.weight.item(), model.bias.item()
    return [w, b, math.hypot(w - w_ls, b - b_ls)]`,
    },
    loopCell,
  ],
};

/** Chapter 6's Linear(1, H) → Tanh → Linear(H, 1) on T (src/train/thermometer.ts). */
export const thermoMlpRecipe: Recipe = {
  steps: 5000,
  exactUntil: 4800,
  columns: () => ['validation loss'],
  cells: () => [
    dataCell,
    {
      kind: 'code',
      source: String.raw`from collections import OrderedDict


# Linear(1, hidden) → Tanh → Linear(hidden, 1), seeded as the site's Linear is. Named
# children only change the parameters' names, not the numbers.
${linearCode}


rs = np.random.RandomState(seed)
layers = OrderedDict(
    hidden=seeded_linear(rs, 1, hidden),
    activation=torch.nn.Tanh(),
    output=seeded_linear(rs, hidden, 1),
)
model = torch.nn.Sequential(layers) if named else torch.nn.Sequential(*layers.values())
for name, p in model.named_parameters():
    print(name, tuple(p.shape))
loss_fn = torch.nn.MSELoss()


def after():
    return []  # the log has no columns after the validation loss`,
    },
    loopCell,
  ],
};

/** Chapter 6's own module, a line plus a small Tanh network (src/train/line-and-bend.ts), written as a torch.nn.Module. */
export const thermoCustomRecipe: Recipe = {
  steps: 5000,
  exactUntil: 4800,
  columns: () => ['validation loss', 'w', 'b'],
  cells: () => [
    dataCell,
    {
      kind: 'code',
      source: String.raw`from collections import OrderedDict


${linearCode}


class LineAndBend(torch.nn.Module):
    """A straight line, x·w + b, plus a small Tanh network for what the line misses.

    Assigning a Parameter or a Module to an attribute registers it: w and b first, then the
    child bend, which is the order named_parameters() (and the site's namedParameters()) walks.
    """

    def __init__(self, hidden, rs):
        super().__init__()
        self.w = torch.nn.Parameter(torch.zeros(1, 1))
        self.b = torch.nn.Parameter(torch.zeros(1))
        self.bend = torch.nn.Sequential(
            OrderedDict(hidden=seeded_linear(rs, 1, hidden), activation=torch.nn.Tanh(), output=seeded_linear(rs, hidden, 1))
        )

    def forward(self, x):
        return x @ self.w + self.b + self.bend(x)


model = LineAndBend(hidden, np.random.RandomState(seed))
for name, p in model.named_parameters():
    print(name, tuple(p.shape))
loss_fn = torch.nn.MSELoss()


def after():
    """The log's columns after the validation loss: the line's own w and b."""
    return [model.w.item(), model.b.item()]`,
    },
    loopCell,
  ],
};
