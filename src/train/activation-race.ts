import { RandomState } from '../data';
import { Adam } from '../nn';
import { ACTIVATIONS, type ActivationName } from './activation-catalog';
import { learningRateSetting } from './common-settings';
import { defineExperiment } from './experiment';
import { oneHiddenLayer, Race } from './race';
import { choice, count, seed, type SettingsOf } from './settings';

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
