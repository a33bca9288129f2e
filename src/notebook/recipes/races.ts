import type { Cell, Recipe } from '../notebook';
import { linearCode, sineCode } from './shared';

/**
 * Chapters 7 and 8's races (src/train/race.ts): several copies of one network from one
 * seeded start, each taking one step per step of the demo on dataset S. The log has each
 * run's mean squared error on all of S before its step, and their mean as the loss; the
 * page stops the whole race when that mean runs away or any run's loss is not finite.
 */

const dataCell: Cell = {
  kind: 'code',
  source: `# Dataset S, as the site makes it (src/data/datasets.ts), and the loss every run minimises.\n${sineCode}\nloss_fn = torch.nn.MSELoss()`,
};

/** One contestant, as the site's RaceContestant: the model from the seeded start, its optimizer, schedule and batches. */
const runCell: Cell = {
  kind: 'code',
  source: String.raw`# One run of the race (src/train/race.ts): Linear(1, hidden) → activation → Linear(hidden, 1),
# seeded as the site's Linear is, with its optimizer and, for some, a schedule or mini-batches.
${linearCode}


class Run:
    """One contestant, as the site's RaceContestant."""

    def __init__(self, activation, optimizer, schedule=None, batches=None, **options):
        rs = np.random.RandomState(seed)  # a fresh one for every run: all start from the same weights
        self.model = torch.nn.Sequential(seeded_linear(rs, 1, hidden), activation, seeded_linear(rs, hidden, 1))
        self.optimizer = optimizer(self.model.parameters(), lr=lr, **options)
        self.scheduler = schedule(self.optimizer) if schedule else None
        self.batches = batches  # an endless iterator of (x, y) mini-batches; all of S when None

    def loss(self):
        """The loss on all of S: what the log shows for this run."""
        with torch.no_grad():
            return loss_fn(self.model(x), y)

    def step(self):
        """One training step; returns the loss on all of S before it."""
        before = self.loss()
        xb, yb = next(self.batches) if self.batches else (x, y)
        self.optimizer.zero_grad()
        loss_fn(self.model(xb), yb).backward()
        self.optimizer.step()
        if self.scheduler:
            self.scheduler.step()  # once per step, after the optimizer's
        return before`,
};

const raceCell: Cell = {
  kind: 'code',
  source: String.raw`# The race: each run takes one step per step. The log has every run's loss on all of S
# before its step, and their mean as "loss"; like the page, it stops the whole race when the
# mean runs away or a run's loss is no longer a number.
log.header()
losses = torch.stack([run.loss() for run in runs.values()])
log.row(0, losses.mean(), losses)
for step in range(1, steps + 1):
    losses = torch.stack([run.step() for run in runs.values()])
    if not log.row(step, losses.mean(), losses):
        break`,
};

/** The activations of src/train/activation-race.ts by their labels (the log's columns), as torch modules. */
const ACTIVATIONS: readonly [label: string, module: string, comment?: string][] = [
  ['ReLU', 'torch.nn.ReLU()'],
  ['LeakyReLU', 'torch.nn.LeakyReLU()', 'slope 0.01 below zero'],
  ['ELU', 'torch.nn.ELU()', 'alpha = 1'],
  ['GELU', 'torch.nn.GELU()', 'the exact form x·Φ(x), with erf (not approximate="tanh")'],
  ['Softplus', 'torch.nn.Softplus()', 'beta = 1, and x itself above 20'],
  ['Tanh', 'torch.nn.Tanh()'],
  ['Sigmoid', 'torch.nn.Sigmoid()'],
  ['Hardtanh', 'torch.nn.Hardtanh()'],
  ['Identity', 'torch.nn.Identity()', 'no activation at all'],
];

const activationLines = ACTIVATIONS.map(([label, module, comment]) => `    "${label}": ${module},${comment ? `  # ${comment}` : ''}`).join('\n');

/** Chapter 7: the same net with each activation, all trained by Adam on all of S (src/train/activation-race.ts). */
export const activationRaceRecipe: Recipe = {
  steps: 1000,
  columns: () => ACTIVATIONS.map(([label]) => label),
  cells: () => [
    dataCell,
    runCell,
    {
      kind: 'code',
      source: String.raw`# One run per activation (src/nn/activation-functions.ts), in the page's order; torch's
# defaults are the site's parameters.
activations = {
${activationLines}
}
runs = {name: Run(activation, torch.optim.Adam) for name, activation in activations.items()}`,
    },
    raceCell,
  ],
};

/** Chapter 8: one ReLU net trained five ways (src/train/optimizer-race.ts). */
export const optimizerRaceRecipe: Recipe = {
  steps: 1000,
  columns: () => ['SGD', 'SGD + momentum', 'Adam', 'Adam, mini-batches', 'Adam + cosine'],
  cells: () => [
    dataCell,
    runCell,
    {
      kind: 'code',
      source: String.raw`# The site's two extras (src/data/tensors.ts, src/nn/optim/lr-scheduler.ts).
def mini_batches(size):
    """Mini-batches of S, epoch after epoch: each epoch a fresh shuffle from RandomState(seed),
    cut in order (the last batch of an epoch may be smaller)."""
    rs = np.random.RandomState(seed)
    while True:
        order = torch.tensor(rs.permutation(len(x)))
        for rows in order.split(size):
            yield x[rows], y[rows]


def cosine(optimizer):
    """The site's cosine schedule: lr·(1 + cos(π·t/horizon))/2 after t steps, then 0 for good.
    (torch's CosineAnnealingLR follows the same curve up to T_max, but then climbs back up.)"""
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (1 + math.cos(math.pi * min(t, horizon) / horizon)) / 2)


# Five ways to train Linear(1, hidden) → ReLU → Linear(hidden, 1), all from the same start.
runs = {
    "SGD": Run(torch.nn.ReLU(), torch.optim.SGD),
    "SGD + momentum": Run(torch.nn.ReLU(), torch.optim.SGD, momentum=0.9),
    "Adam": Run(torch.nn.ReLU(), torch.optim.Adam),
    "Adam, mini-batches": Run(torch.nn.ReLU(), torch.optim.Adam, batches=mini_batches(batch)),
    "Adam + cosine": Run(torch.nn.ReLU(), torch.optim.Adam, schedule=cosine),
}`,
    },
    raceCell,
  ],
};
