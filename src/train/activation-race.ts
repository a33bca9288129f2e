import { RandomState } from '../data';
import { Adam, ELU, GELU, Hardtanh, Identity, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh, type Activation } from '../nn';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { oneHiddenLayer, Race } from './race';
import { choice, count, seed, type SettingsOf } from './settings';

/** The activations of chapter 7, and Identity: no activation at all. */
export const ACTIVATIONS = {
  relu: { label: 'ReLU', make: () => new ReLU() },
  leaky: { label: 'LeakyReLU', make: () => new LeakyReLU() },
  elu: { label: 'ELU', make: () => new ELU() },
  gelu: { label: 'GELU', make: () => new GELU() },
  softplus: { label: 'Softplus', make: () => new Softplus() },
  tanh: { label: 'Tanh', make: () => new Tanh() },
  sigmoid: { label: 'Sigmoid', make: () => new Sigmoid() },
  hardtanh: { label: 'Hardtanh', make: () => new Hardtanh() },
  none: { label: 'Identity', make: () => new Identity() },
} satisfies Record<string, { label: string; make: () => Activation }>;
type ActivationName = keyof typeof ACTIVATIONS;
const KEYS = Object.keys(ACTIVATIONS) as ActivationName[];
const LABELS = Object.fromEntries(KEYS.map((k) => [k, ACTIVATIONS[k].label])) as Record<ActivationName, string>;

const settings = {
  hidden: count('Hidden units', 1, 64, 8),
  shown: choice('Fit shown', LABELS, 'tanh', { live: true, display: true }),
  lr: learningRateSetting(0.01, 1),
  seed: seed('Initial weights seed'),
};

/**
 * Chapter 7's comparison: the same net, Linear(1, H) → activation → Linear(H, 1), once per
 * activation, every copy starting from the same seeded weights and trained side by side
 * with Adam on the full dataset S. The log has each one's loss; the chart shows one.
 */
export const activationRace = defineExperiment({ id: 'activation-race', settings, create: (s) => new ActivationRace(s) });

class ActivationRace extends Race {
  constructor(s: SettingsOf<typeof settings>) {
    const runs = KEYS.map((k) => {
      // One seed for all: each copy's Linear layers start from the same numbers.
      const model = oneHiddenLayer(s.hidden, ACTIVATIONS[k].make(), new RandomState(s.seed));
      return { label: ACTIVATIONS[k].label, model, optimizer: new Adam(model.parameters(), { lr: s.lr }) };
    });
    super(runs, KEYS, s.shown, s.seed);
  }
}
