import { RandomState } from '../data';
import {
  Adam,
  ELU,
  GELU,
  Hardtanh,
  Identity,
  LeakyReLU,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softplus,
  Tanh,
  type Activation,
} from '../nn';
import { learningRateSetting } from './common-settings';
import type { ExperimentDefinition } from './experiment';
import { Race } from './race';
import type { Settings } from './settings';

/** The activations of chapter 7, and Identity: no activation at all. */
export const ACTIVATIONS: Record<string, { label: string; make: () => Activation }> = {
  relu: { label: 'ReLU', make: () => new ReLU() },
  leaky: { label: 'LeakyReLU', make: () => new LeakyReLU() },
  elu: { label: 'ELU', make: () => new ELU() },
  gelu: { label: 'GELU', make: () => new GELU() },
  softplus: { label: 'Softplus', make: () => new Softplus() },
  tanh: { label: 'Tanh', make: () => new Tanh() },
  sigmoid: { label: 'Sigmoid', make: () => new Sigmoid() },
  hardtanh: { label: 'Hardtanh', make: () => new Hardtanh() },
  none: { label: 'Identity', make: () => new Identity() },
};
const KEYS = Object.keys(ACTIVATIONS);

/**
 * Chapter 7's comparison: the same net, Linear(1, H) → activation → Linear(H, 1), once per
 * activation, every copy starting from the same seeded weights and trained side by side
 * with Adam on the full dataset S. The log has each one's loss; the chart shows one.
 */
export const activationRace: ExperimentDefinition = {
  id: 'activation-race',
  settings: [
    { kind: 'number', key: 'hidden', label: 'Hidden units', min: 1, max: 64, default: 8, integer: true, step: 1 },
    {
      kind: 'choice',
      key: 'shown',
      label: 'Fit shown',
      options: KEYS.map((value) => ({ value, label: ACTIVATIONS[value]!.label })),
      default: 'tanh',
    },
    learningRateSetting(0.01, 1),
    { kind: 'number', key: 'seed', label: 'Initial weights seed', min: 0, max: 2 ** 32 - 1, default: 0, integer: true },
  ],
  live: ['lr', 'shown'],
  create: (settings) => new ActivationRace(settings),
};

class ActivationRace extends Race {
  constructor(settings: Settings) {
    const hidden = Number(settings.hidden);
    const runs = KEYS.map((k) => {
      // One seed for all: each copy's Linear layers start from the same numbers.
      const rng = new RandomState(Number(settings.seed));
      const model = new Sequential(new Linear(1, hidden, { generator: rng }), ACTIVATIONS[k]!.make(), new Linear(hidden, 1, { generator: rng }));
      return { label: ACTIVATIONS[k]!.label, model, optimizer: new Adam(model.parameters(), { lr: Number(settings.lr) }) };
    });
    super(runs, KEYS, settings, Number(settings.seed));
  }
}
