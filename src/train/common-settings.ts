import { L1Loss, MSELoss } from '../nn';
import { choice, flag, number } from './settings';

/** The settings several demos share, written once so they read alike everywhere. */

export const lossSetting = () => choice('Loss', { mae: 'Mean absolute error', mse: 'Mean squared error' }, 'mae');

export const clearGradsSetting = () =>
  flag('Clear gradients each step', true, { live: true, help: 'Off, gradients pile up from step to step, as after a forgotten zero_grad().' });

/** A log-scale learning-rate slider from 0.0001 to `max`, applied mid-run unless `live` is false. */
export const learningRateSetting = (defaultLr: number, max: number, o: { live?: boolean; help?: string } = {}) =>
  number('Learning rate', {
    min: 1e-4,
    max,
    default: defaultLr,
    scale: 'log',
    live: o.live ?? true,
    help: o.help ?? 'How far each step moves the parameters along the negative gradient.',
  });

/** The loss a `loss` setting names. */
export const lossNamed = (loss: 'mae' | 'mse'): L1Loss | MSELoss => (loss === 'mse' ? new MSELoss() : new L1Loss());
