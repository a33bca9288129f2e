import { doubleRelu } from './double-relu';
import type { ExperimentDefinition } from './experiment';
import { quadraticByHand, quadraticDescent } from './quadratic';

/** Every experiment a demo can name, by id. The worker looks its experiment up here. */
export const EXPERIMENTS: Readonly<Record<string, ExperimentDefinition>> = {
  [doubleRelu.id]: doubleRelu,
  [quadraticByHand.id]: quadraticByHand,
  [quadraticDescent.id]: quadraticDescent,
};

export function experimentById(id: string): ExperimentDefinition {
  const def = EXPERIMENTS[id];
  if (!def) throw new RangeError(`No experiment "${id}"; known: ${Object.keys(EXPERIMENTS).join(', ')}`);
  return def;
}
