import { RandomState } from '../data';
import { Adam, CosineAnnealingLR, Linear, ReLU, Sequential, SGD } from '../nn';
import { learningRateSetting } from './common-settings';
import type { ExperimentDefinition } from './experiment';
import { Race, type RaceRun } from './race';
import type { Settings } from './settings';

/** The contestants of chapter 8, by key: what each changes about plain SGD. */
const RUNS: Record<string, { label: string; make: (model: Sequential, s: Settings) => Omit<RaceRun, 'label' | 'model'> }> = {
  sgd: { label: 'SGD', make: (m, s) => ({ optimizer: new SGD(m.parameters(), { lr: Number(s.lr) }) }) },
  momentum: { label: 'SGD + momentum', make: (m, s) => ({ optimizer: new SGD(m.parameters(), { lr: Number(s.lr), momentum: 0.9 }) }) },
  adam: { label: 'Adam', make: (m, s) => ({ optimizer: new Adam(m.parameters(), { lr: Number(s.lr) }) }) },
  minibatch: {
    label: 'Adam, mini-batches',
    make: (m, s) => ({ optimizer: new Adam(m.parameters(), { lr: Number(s.lr) }), batch: Number(s.batch) }),
  },
  cosine: {
    label: 'Adam + cosine',
    make: (m, s) => {
      const optimizer = new Adam(m.parameters(), { lr: Number(s.lr) });
      return { optimizer, scheduler: new CosineAnnealingLR(optimizer, { tMax: Number(s.horizon) }) };
    },
  },
};
const KEYS = Object.keys(RUNS);

/**
 * Chapter 8's comparison: one network, Linear(1, H) → ReLU → Linear(H, 1), copied from
 * one seeded start for each way of training it, on dataset S, side by side.
 */
export const optimizerRace: ExperimentDefinition = {
  id: 'optimizer-race',
  settings: [
    { kind: 'number', key: 'hidden', label: 'Hidden units', min: 1, max: 128, default: 32, integer: true, step: 1 },
    { ...learningRateSetting(0.01, 1), help: 'The starting learning rate of every run; the cosine run lowers its own to 0.' },
    { kind: 'number', key: 'batch', label: 'Mini-batch size', min: 1, max: 1024, default: 64, integer: true, step: 1 },
    { kind: 'number', key: 'horizon', label: 'Cosine schedule length (steps)', min: 1, max: 10000, default: 1000, integer: true, step: 1 },
    {
      kind: 'choice',
      key: 'shown',
      label: 'Fit shown',
      options: KEYS.map((value) => ({ value, label: RUNS[value]!.label })),
      default: 'adam',
    },
    { kind: 'number', key: 'seed', label: 'Seed (weights and batches)', min: 0, max: 2 ** 32 - 1, default: 0, integer: true },
  ],
  live: ['shown'],
  create: (settings) => new OptimizerRace(settings),
};

class OptimizerRace extends Race {
  constructor(settings: Settings) {
    const hidden = Number(settings.hidden);
    const runs = KEYS.map((k) => {
      const rng = new RandomState(Number(settings.seed));
      const model = new Sequential(new Linear(1, hidden, { generator: rng }), new ReLU(), new Linear(hidden, 1, { generator: rng }));
      return { label: RUNS[k]!.label, model, ...RUNS[k]!.make(model, settings) };
    });
    super(runs, KEYS, settings, Number(settings.seed));
  }
}
