import { activationRace } from './activation-race';
import { computeProbe } from './compute-probe';
import { doubleRelu } from './double-relu';
import type { ExperimentDefinition } from './experiment';
import { quadraticByHand, quadraticDescent } from './quadratic';
import { optimizerRace } from './optimizer-race';
import { playground } from './playground';
import { reluByHand } from './relu-by-hand';
import { reluFitter } from './relu-fitter';
import { reluInterpolant } from './relu-interpolant';
import { reluSurface } from './relu-surface';
import { sineByHand, sineEpochs } from './sine-by-hand';
import { thermoLinear, thermoMlp } from './thermometer';
import { thermoCustom } from './line-and-bend';

/** Every experiment a demo can name, by id. The worker looks its experiment up here. */
export const EXPERIMENTS: Readonly<Record<string, ExperimentDefinition>> = Object.fromEntries(
  [
    doubleRelu,
    quadraticByHand,
    quadraticDescent,
    reluByHand(1),
    reluByHand(2),
    reluByHand(3),
    reluInterpolant,
    reluFitter,
    reluSurface,
    sineByHand,
    sineEpochs,
    thermoLinear,
    thermoMlp,
    thermoCustom,
    activationRace,
    optimizerRace,
    computeProbe,
    playground,
  ].map((d) => [d.id, d]),
);

export function experimentById(id: string): ExperimentDefinition {
  const def = EXPERIMENTS[id];
  if (!def) throw new RangeError(`No experiment "${id}"; known: ${Object.keys(EXPERIMENTS).join(', ')}`);
  return def;
}
