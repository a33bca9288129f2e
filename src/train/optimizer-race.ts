import { RandomState } from '../data';
import { Adam, CosineAnnealingLR, ReLU, SGD, type Sequential } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { oneHiddenLayer, Race, type RaceContestant } from './race';
import { choice, count, seed, type SettingsOf } from './settings';

type Contestant = {
  label: string;
  make: (model: Sequential, s: { lr: number; batch: number; horizon: number }) => Omit<RaceContestant, 'label' | 'model'>;
};

/** The contestants of chapter 8, by key: what each changes about plain SGD. */
const RUNS = {
  sgd: { label: 'SGD', make: (m, s) => ({ optimizer: new SGD(m.parameters(), { lr: s.lr }) }) },
  momentum: { label: 'SGD + momentum', make: (m, s) => ({ optimizer: new SGD(m.parameters(), { lr: s.lr, momentum: 0.9 }) }) },
  adam: { label: 'Adam', make: (m, s) => ({ optimizer: new Adam(m.parameters(), { lr: s.lr }) }) },
  minibatch: { label: 'Adam, mini-batches', make: (m, s) => ({ optimizer: new Adam(m.parameters(), { lr: s.lr }), batch: s.batch }) },
  cosine: {
    label: 'Adam + cosine',
    make: (m, s) => {
      const optimizer = new Adam(m.parameters(), { lr: s.lr });
      return { optimizer, scheduler: new CosineAnnealingLR(optimizer, { tMax: s.horizon }) };
    },
  },
} satisfies Record<string, Contestant>;
type RunName = keyof typeof RUNS;
const KEYS = Object.keys(RUNS) as RunName[];

const settings = {
  hidden: count('Hidden units', 1, 128, 32),
  lr: learningRateSetting(0.01, 1, { live: false, help: 'The starting learning rate of every run; the cosine run lowers its own to 0.' }),
  batch: count('Mini-batch size', 1, 1024, 64),
  horizon: count('Cosine schedule length (steps)', 1, 10000, 1000),
  shown: choice('Fit shown', Object.fromEntries(KEYS.map((k) => [k, RUNS[k].label])) as Record<RunName, string>, 'adam', {
    live: true,
    display: true,
  }),
  seed: seed('Seed (weights and batches)'),
};
type RaceSettings = SettingsOf<typeof settings>;

/**
 * Chapter 8's comparison: one network, Linear(1, H) → ReLU → Linear(H, 1), copied from
 * one seeded start for each way of training it, on dataset S, side by side.
 */
export const optimizerRace = defineExperiment({ id: 'optimizer-race', settings, create: (s) => new OptimizerRace(s) });

class OptimizerRace extends Race {
  constructor(s: RaceSettings) {
    const runs = KEYS.map((k) => {
      const model = oneHiddenLayer(s.hidden, new ReLU(), new RandomState(s.seed));
      return { label: RUNS[k].label, model, ...RUNS[k].make(model, s) };
    });
    super(runs, KEYS, s.shown, s.seed);
  }
}
