/** Python the recipes share: datasets as `src/data` makes them, and the loss a setting names. */

/** Q2 (chapter 4) from \`seed\`, as columns x, y of float32 tensors. */
export const q2Code = String.raw`x = np.linspace(-2, 2, 20)
rs = np.random.RandomState(seed)
f = 3 * x**2 + 2 * x + 1
y = f + f * rs.normal(0, 0.15, 20)
y = y + rs.normal(0, 1.5, 20)
x = torch.tensor(x, dtype=torch.float32)[:, None]
y = torch.tensor(y, dtype=torch.float32)[:, None]`;

/** \`loss_fn\` from the \`loss\` setting ("mae" or "mse"). */
export const lossCode = 'loss_fn = torch.nn.L1Loss() if loss == "mae" else torch.nn.MSELoss()';

/**
 * torch.nn.Linear(inputs, outputs) with the site's seeded init: uniform in ±1/√inputs from
 * NumPy's RandomState \`rs\`, the weight (outputs × inputs) first, then the bias.
 */
export const linearCode = String.raw`def seeded_linear(rs, inputs, outputs):
    layer = torch.nn.Linear(inputs, outputs)
    k = 1 / np.sqrt(inputs)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(rs.uniform(-k, k, (outputs, inputs))))
        layer.bias.copy_(torch.tensor(rs.uniform(-k, k, outputs)))
    return layer`;

/** Dataset S (chapters 5, 7 and 8): y = 2·sin(x) + 5 at 1024 points on [−3, 3], columns x, y of float32 tensors. */
export const sineCode = String.raw`x = np.linspace(-3, 3, 1024)
y = 2 * np.sin(x) + 5
x = torch.tensor(x, dtype=torch.float32)[:, None]
y = torch.tensor(y, dtype=torch.float32)[:, None]`;

/**
 * Chapter 4's network on `inputs` inputs: Linear(inputs, units) → ReLU → Linear(units, 1),
 * initialised from RandomState(`seed`) (the hidden layer first), with Adam at `lr` on
 * mean squared error. Defines `hidden`, `output`, `model`, `loss_fn` and `optimizer`.
 */
export const reluNetCode = (inputs: number) => String.raw`# Linear(${inputs}, units) → ReLU → Linear(units, 1), initialised as the site does.
${linearCode}


rs = np.random.RandomState(seed)
hidden = seeded_linear(rs, ${inputs}, units)  # the hidden layer draws first, then the output layer
output = seeded_linear(rs, units, 1)
model = torch.nn.Sequential(hidden, torch.nn.ReLU(), output)
loss_fn = torch.nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=lr)`;

/** Q1 (chapters 1 and 2): a noisy 3x² + 4x + 5 at 20 points, the 20 multiplicative draws first, then the 20 additive ones; float32 vectors x, y. */
export const q1Code = String.raw`x = np.linspace(-2, 2, 20)
rs = np.random.RandomState(42)
y = (3 * x**2 + 4 * x + 5) * (1 + rs.normal(0, 0.4, 20)) + rs.normal(0, 1.5, 20)
x = torch.tensor(x, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32)`;
