import type { Recipe } from '../notebook';
import { linearCode, sineCode } from './shared';

const dataCell = { kind: 'code', source: `# Dataset S, as the site makes it (src/data/datasets.ts).\n${sineCode}` } as const;

/** Chapter 5's network as plain tensors: the seeded parameters, forward, and backward by hand (src/train/hand-net.ts). */
const handNetCode = String.raw`# The parameters as plain tensors, drawn as the site's HandLinear draws them: for each
# layer W (inputs × outputs) uniform in ±1/√inputs, then b; or, with init "normal" (the
# tutorial's), W from a standard normal and b = 0. The hidden layer first.
rs = np.random.RandomState(seed)


def hand_linear(inputs, outputs):
    if init == "normal":
        W = torch.tensor(rs.normal(0, 1, (inputs, outputs)), dtype=torch.float32, requires_grad=True)
        b = torch.zeros(outputs, dtype=torch.float32, requires_grad=True)
        return W, b
    k = 1 / np.sqrt(inputs)
    W = torch.tensor(rs.uniform(-k, k, (inputs, outputs)), dtype=torch.float32, requires_grad=True)
    b = torch.tensor(rs.uniform(-k, k, outputs), dtype=torch.float32, requires_grad=True)
    return W, b


W1, b1 = hand_linear(1, hidden)
W2, b2 = hand_linear(hidden, 1)
params = [W1, b1, W2, b2]
scale = 0.5 if loss == "half" else 1.0  # ½·MSE (the tutorial's) or the mean squared error


def loss_of(prediction, y):
    return scale * ((prediction - y) ** 2).mean()


def forward(x):
    """The prediction, and what backward needs: the hidden layer's input z and output h."""
    z = x @ W1 + b1
    h = torch.relu(z) if activation == "relu" else z
    return h @ W2 + b2, z, h


def backward(x, y, prediction, z, h):
    """The chain rule by hand, from the loss back to the first layer: dL/dW1, dL/db1, dL/dW2, dL/db2."""
    d_prediction = (2 * scale / len(x)) * (prediction - y)  # of the (half) mean squared error
    dW2, db2 = h.T @ d_prediction, d_prediction.sum(0)  # b2 was added to every row: sum over rows
    dh = d_prediction @ W2.T
    dz = dh * (z > 0) if activation == "relu" else dh  # relu passes the gradient where z > 0
    return [x.T @ dz, dz.sum(0), dW2, db2]`;

/** The mini-batches as src/data/tensors.ts cuts them, and the step's gradient check. */
const checkCode = String.raw`def mini_batches(rs, n, size):
    """Row indices of mini-batches, epoch after epoch: each epoch shuffled by rs, or in order if rs is None."""
    while True:
        order = np.arange(n) if rs is None else rs.permutation(n)
        for i in range(0, n, size):
            yield order[i : i + size]


def windows(rs, n, size):
    """The tutorial's batches: one shuffled copy, then each step a random window of it."""
    order = rs.permutation(n)
    while True:
        start = rs.randint(0, n - size + 1)
        yield order[start : start + size]


def check(rows):
    """The loss over all points, and on the batch the gradients by hand beside autograd's."""
    with torch.no_grad():
        loss = loss_of(forward(x)[0], y)
    xb, yb = x[rows], y[rows]
    prediction, z, h = forward(xb)
    auto = torch.autograd.grad(loss_of(prediction, yb), params)
    with torch.no_grad():
        hand = backward(xb, yb, prediction, z, h)
        largest = max((g - a).abs().max() for g, a in zip(hand, auto))
    return loss, [hand[3], auto[3], largest], hand  # the log: dL/db2 both ways, the largest difference`;

const handLoopCode = String.raw`# Each step: the check on one mini-batch of 100, then p ← p − lr·dL/dp with the hand-made gradients.
batch_rows = windows(rs, len(x), 100) if batches == "window" else mini_batches(rs if batches == "shuffled" else None, len(x), 100)
rows = next(batch_rows)
log.header()
loss, columns, _ = check(rows)
log.row(0, loss, columns)
for step in range(1, steps + 1):
    loss, columns, grads = check(rows)  # before this step's update, as the page logs it
    with torch.no_grad():
        for p, g in zip(params, grads):
            p -= lr * g
    rows = next(batch_rows)
    if not log.row(step, loss, columns):
        break`;

/** Chapter 5's network by hand on S (src/train/sine-by-hand.ts, src/train/hand-net.ts). */
export const sineByHandRecipe: Recipe = {
  steps: 1000,
  columns: () => ['∂L/∂b₂ by hand', '∂L/∂b₂ autograd', 'largest |hand − autograd|'],
  cells: () => [dataCell, { kind: 'code', source: handNetCode }, { kind: 'code', source: checkCode }, { kind: 'code', source: handLoopCode }],
};

/** The same network from torch.nn, one epoch of shuffled mini-batches per step (src/train/sine-by-hand.ts). */
export const sineEpochsRecipe: Recipe = {
  steps: 50,
  columns: () => [],
  cells: () => [
    dataCell,
    {
      kind: 'code',
      source: String.raw`# Linear(1, hidden) → ReLU → Linear(hidden, 1), seeded as the site's Linear is; the same
# RandomState then shuffles the mini-batches.
${linearCode}


rs = np.random.RandomState(seed)
model = torch.nn.Sequential(seeded_linear(rs, 1, hidden), torch.nn.ReLU(), seeded_linear(rs, hidden, 1))
loss_fn = torch.nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)`,
    },
    {
      kind: 'code',
      source: String.raw`log.header()
with torch.no_grad():
    log.row(0, loss_fn(model(x), y))
for step in range(1, steps + 1):  # one step = one epoch
    with torch.no_grad():
        loss = loss_fn(model(x), y)  # over all points, before the epoch, as the page logs it
    order = rs.permutation(len(x))  # a fresh shuffle every epoch
    for i in range(0, len(x), batch):
        rows = order[i : i + batch]
        optimizer.zero_grad()
        loss_fn(model(x[rows]), y[rows]).backward()
        optimizer.step()
    if not log.row(step, loss):
        break`,
    },
  ],
};
