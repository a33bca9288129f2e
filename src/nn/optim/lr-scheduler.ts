import { checkFinite, checkNonNegative, checkPositiveInt } from '../checks';
import type { Optimizer } from './optimizer';

/**
 * Sets the optimizer's learning rate from the epoch count, like torch.optim.lr_scheduler:
 * call `step()` once per epoch, after `optimizer.step()`. Uses each schedule's closed form.
 */
export abstract class LRScheduler {
  readonly baseLr: number;
  lastEpoch = 0;

  constructor(readonly optimizer: Optimizer) {
    this.baseLr = optimizer.lr;
  }

  /** The learning rate for epoch `epoch`. */
  abstract lrAt(epoch: number): number;

  step(): void {
    this.lastEpoch += 1;
    this.optimizer.lr = this.lrAt(this.lastEpoch);
  }

  getLastLr(): number {
    return this.optimizer.lr;
  }
}

/** lr = baseLr · γ^⌊epoch / stepSize⌋. */
export class StepLR extends LRScheduler {
  readonly stepSize: number;
  readonly gamma: number;
  constructor(optimizer: Optimizer, options: { stepSize: number; gamma?: number }) {
    super(optimizer);
    this.stepSize = options.stepSize;
    this.gamma = options.gamma ?? 0.1;
    checkPositiveInt('StepLR', 'stepSize', this.stepSize);
    checkNonNegative('StepLR', 'gamma', this.gamma);
  }
  lrAt(epoch: number): number {
    return this.baseLr * this.gamma ** Math.floor(epoch / this.stepSize);
  }
}

/** lr = baseLr · γ^epoch. */
export class ExponentialLR extends LRScheduler {
  readonly gamma: number;
  constructor(optimizer: Optimizer, options: { gamma: number }) {
    super(optimizer);
    this.gamma = options.gamma;
    checkNonNegative('ExponentialLR', 'gamma', this.gamma);
  }
  lrAt(epoch: number): number {
    return this.baseLr * this.gamma ** epoch;
  }
}

/** lr = ηmin + (baseLr − ηmin)·(1 + cos(π·epoch/tMax))/2, held at ηmin after tMax. */
export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number;
  readonly etaMin: number;
  constructor(optimizer: Optimizer, options: { tMax: number; etaMin?: number }) {
    super(optimizer);
    this.tMax = options.tMax;
    this.etaMin = options.etaMin ?? 0;
    checkPositiveInt('CosineAnnealingLR', 'tMax', this.tMax);
    checkFinite('CosineAnnealingLR', 'etaMin', this.etaMin);
  }
  lrAt(epoch: number): number {
    const t = Math.min(epoch, this.tMax);
    return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * t) / this.tMax))) / 2;
  }
}
