import { L1Loss, MSELoss } from '../nn';
import type { BooleanSetting, ChoiceSetting, NumberSetting, Settings } from './settings';

/** The settings several demos share, written once so they read alike everywhere. */

export const LOSS_SETTING: ChoiceSetting = {
  kind: 'choice',
  key: 'loss',
  label: 'Loss',
  options: [
    { value: 'mae', label: 'Mean absolute error' },
    { value: 'mse', label: 'Mean squared error' },
  ],
  default: 'mae',
};

export const CLEAR_GRADS_SETTING: BooleanSetting = {
  kind: 'boolean',
  key: 'clear',
  label: 'Clear gradients each step',
  default: true,
  help: 'Off, gradients pile up from step to step, as after a forgotten zero_grad().',
};

/** A log-scale learning-rate slider from 0.0001 to `max`. */
export function learningRateSetting(defaultLr: number, max: number): NumberSetting {
  return {
    kind: 'number',
    key: 'lr',
    label: 'Learning rate',
    min: 1e-4,
    max,
    default: defaultLr,
    scale: 'log',
    help: 'How far each step moves the parameters along the negative gradient.',
  };
}

/** The loss the `loss` setting names. */
export const lossFromSettings = (settings: Settings): L1Loss | MSELoss => (settings.loss === 'mse' ? new MSELoss() : new L1Loss());
