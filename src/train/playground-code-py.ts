/** The playground's run in PyTorch: see playground-code.ts. */
import { FEATURES } from '../data/features';
import { linearCode } from '../notebook/recipes/shared';
import { ACTIVATION_INFO as ACTIVATIONS } from './activation-names';
import { DATASETS, featuresOf, lossOf, type PlaygroundSettings } from './playground-spec';
import { csvOf, layersOf } from './text-formats';

const TORCH_LOSS = { bce: 'BCEWithLogitsLoss', mse: 'MSELoss', mae: 'L1Loss' } as const;
const list = (values: readonly number[]) => `[${values.join(', ')}]`;

const PY_SETS: Record<string, string> = {
  circle: `h = n // 2
r = np.concatenate([rs.uniform(0, 2.5, h), rs.uniform(3.5, 5, n - h)])
g = rs.normal(0, 1, 2 * n).reshape(n, 2)
length = np.sqrt(g[:, 0] * g[:, 0] + g[:, 1] * g[:, 1])
x1, x2 = r * g[:, 0] / length, r * g[:, 1] / length
label = np.concatenate([np.ones(h), np.zeros(n - h)])`,
  xor: `u = rs.uniform(-5, 5, 2 * n).reshape(n, 2)
u = u + np.where(u >= 0, 0.5, -0.5)
x1, x2 = u[:, 0], u[:, 1]
label = (x1 * x2 > 0).astype(float)`,
  gauss: `h = n // 2
a1, a2 = rs.normal(2, 1, h), rs.normal(2, 1, h)
b1, b2 = rs.normal(-2, 1, n - h), rs.normal(-2, 1, n - h)
x1, x2 = np.concatenate([a1, b1]), np.concatenate([a2, b2])
label = np.concatenate([np.ones(h), np.zeros(n - h)])`,
  spiral: `h = n // 2
arms = []
for m, delta in ((h, 0.0), (n - h, np.pi)):
    i = np.arange(m)
    arms.append((5 * i / m * np.sin(3.5 * np.pi * i / m + delta), 5 * i / m * np.cos(3.5 * np.pi * i / m + delta)))
x1, x2 = np.concatenate([arms[0][0], arms[1][0]]), np.concatenate([arms[0][1], arms[1][1]])
label = np.concatenate([np.ones(h), np.zeros(n - h)])`,
};

function pyData(s: PlaygroundSettings): { code: string; plane: boolean } {
  const jitter = `x1 = x1 + rs.normal(0, ${s.noise}, n)\nx2 = x2 + rs.normal(0, ${s.noise}, n)`;
  if (PY_SETS[s.data]) return { code: `n = ${s.points}\nrs = np.random.RandomState(${s.dataSeed})\n${PY_SETS[s.data]}\n${jitter}`, plane: true };
  if (s.data === 'surface') {
    return {
      code: 'side = np.linspace(-2, 2, 21)\nx1, x2 = np.tile(side, 21), np.repeat(side, 21)\nlabel = 2 * np.exp(-(x1 * x1 + x2 * x2) / 2)',
      plane: true,
    };
  }
  if (s.data === 'csv' && s.csv !== '') {
    const t = csvOf(s.csv);
    if (t.kind === 'classes')
      return { code: `x1 = np.array(${list(t.x1)})\nx2 = np.array(${list(t.x2)})\nlabel = np.array(${list(t.label)})`, plane: true };
    return { code: `x = np.array(${list(t.x)})\ny = np.array(${list(t.y)})`, plane: false };
  }
  const curves: Record<string, string> = {
    q1: 'x = np.linspace(-2, 2, 20)\nrs = np.random.RandomState(42)\ny = (3 * x**2 + 4 * x + 5) * (1 + rs.normal(0, 0.4, 20)) + rs.normal(0, 1.5, 20)',
    q2: 'x = np.linspace(-2, 2, 20)\nrs = np.random.RandomState(42)\nf = 3 * x**2 + 2 * x + 1\ny = f + f * rs.normal(0, 0.15, 20)\ny = y + rs.normal(0, 1.5, 20)',
    sine: `x = np.linspace(-3, 3, ${s.points})\ny = 2 * np.sin(x) + 5`,
    thermo:
      'x = 0.1 * np.array([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])\ny = np.array([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])',
    drawn: `x = np.linspace(-2, 2, 41)\ny = np.array(${list(s.drawn === '' ? Array(41).fill(0) : s.drawn.split(',').map(Number))})`,
  };
  return { code: curves[s.data] ?? '', plane: false };
}

const PY_SCHEDULE = {
  none: null,
  step: 'torch.optim.lr_scheduler.StepLR(optimizer, step_size=500, gamma=0.5)',
  exp: 'torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.999)',
  cosine: 'torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=2000)',
} as const;

/** The torch.nn.Sequential's modules and the optimizer, in Python. */
function pyModel(s: PlaygroundSettings, inputs: number): { modules: string[]; optimizer: string } {
  const layers = layersOf(s.layers);
  const py = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));
  const modules = [
    ...layers.flatMap((l, i) => [
      `seeded_linear(rs, ${i === 0 ? inputs : layers[i - 1]!.units}, ${l.units})`,
      `torch.nn.${ACTIVATIONS[l.activation].torch}()`,
    ]),
    `seeded_linear(rs, ${layers.at(-1)?.units ?? inputs}, 1)`,
  ];
  const optimizer =
    s.optimizer === 'adam'
      ? `torch.optim.Adam(model.parameters(), lr=${s.lr}, weight_decay=${py(s.weightDecay)})`
      : `torch.optim.SGD(model.parameters(), lr=${s.lr}, momentum=${py(s.momentum)}, weight_decay=${py(s.weightDecay)})`;
  return { modules, optimizer };
}

/** The same run in PyTorch, data and initial weights from NumPy's RandomState as the site draws them. */
export function playgroundPyTorch(s: PlaygroundSettings, steps = 100): string {
  const features = featuresOf(s);
  const data = pyData(s);
  const inputs = data.plane ? features.length : 1;
  const { modules, optimizer } = pyModel(s, inputs);
  const schedule = PY_SCHEDULE[s.schedule];
  const featureCode = features.map((f) => FEATURES[f].torch.replace('torch.sin', 'np.sin')).join(', ');
  const tensors = data.plane
    ? `def inputs(idx):
    x1_, x2_ = x1[idx], x2[idx]
    return torch.tensor(np.stack([${featureCode.replace(/x1/g, 'x1_').replace(/x2/g, 'x2_')}], axis=1), dtype=torch.float32)


def targets(idx):
    return torch.tensor(label[idx], dtype=torch.float32)[:, None]`
    : `def inputs(idx):
    return torch.tensor(x[idx], dtype=torch.float32)[:, None]


def targets(idx):
    return torch.tensor(y[idx], dtype=torch.float32)[:, None]`;
  return `# The playground's run (${DATASETS[s.data]}) in PyTorch, with the site's data and initial weights.
import numpy as np
import torch

${data.code}
n_all = ${data.plane ? 'len(label)' : 'len(x)'}
order = np.random.RandomState(${s.dataSeed}).permutation(n_all)
k = min(n_all - 1, max(1, int(np.floor(n_all * ${s.split} + 0.5))))
train, test = order[:k], order[k:]


${tensors}


x_train, y_train, x_test, y_test = inputs(train), targets(train), inputs(test), targets(test)


${linearCode}


# The weights draw from one RandomState, layer by layer; the batches then shuffle with it.
rs = np.random.RandomState(${s.seed})
model = torch.nn.Sequential(
${modules.map((m) => `    ${m},`).join('\n')}
)
loss_fn = torch.nn.${TORCH_LOSS[lossOf(s)]}()
optimizer = ${optimizer}
${schedule ? `scheduler = ${schedule}\n` : ''}

def batches(n, size):
    while True:
        shuffled = rs.permutation(n)
        for i in range(0, n, size):
            yield shuffled[i:i + size]


batch = batches(len(train), min(${s.batch}, len(train)))
for step in range(1, ${steps + 1}):
    with torch.no_grad():  # the log's row: both losses where this step starts
        train_loss = loss_fn(model(x_train), y_train).item()
        test_loss = loss_fn(model(x_test), y_test).item()
    idx = next(batch)
    optimizer.zero_grad()
    loss_fn(model(x_train[idx]), y_train[idx]).backward()
    optimizer.step()
${schedule ? '    scheduler.step()\n' : ''}    print(step, train_loss, test_loss)
`;
}
