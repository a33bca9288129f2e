import { elu, gelu, hardtanh, identity, leakyRelu, relu, sigmoid, softplus, tanh, type ActivationFunction } from './activation-functions';
import { checkFinite, checkNonNegative } from './checks';
import { Module } from './module';
import type { Tensor2D } from './tf';

/** An elementwise activation as a module (no parameters): forward(x) = f(x), same shape. */
export abstract class Activation extends Module {
  protected abstract readonly f: ActivationFunction;

  forward(x: Tensor2D): Tensor2D {
    return this.f.fn(x) as Tensor2D;
  }

  /** f′(x) elementwise, for backpropagating by hand. */
  derivative(x: Tensor2D): Tensor2D {
    return this.f.derivative(x) as Tensor2D;
  }
}

/** ReLU(x) = max(0, x). */
export class ReLU extends Activation {
  readonly kind = 'ReLU';
  protected readonly f = relu;
}

/** LeakyReLU(x) = x if x > 0 else negativeSlope·x. */
export class LeakyReLU extends Activation {
  readonly kind = 'LeakyReLU';
  protected readonly f: ActivationFunction;
  constructor(readonly negativeSlope = 0.01) {
    super();
    checkFinite('LeakyReLU', 'negativeSlope', negativeSlope);
    this.f = leakyRelu(negativeSlope);
  }
  override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/** ELU(x) = x if x > 0 else α(eˣ − 1). */
export class ELU extends Activation {
  readonly kind = 'ELU';
  protected readonly f: ActivationFunction;
  constructor(readonly alpha = 1) {
    super();
    checkFinite('ELU', 'alpha', alpha);
    this.f = elu(alpha);
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/** GELU(x) = x·Φ(x), the exact (erf) form, torch's default. */
export class GELU extends Activation {
  readonly kind = 'GELU';
  protected readonly f = gelu;
}

/** Softplus(x) = log(1 + e^{βx})/β, linear above the threshold. */
export class Softplus extends Activation {
  readonly kind = 'Softplus';
  protected readonly f: ActivationFunction;
  constructor(
    readonly beta = 1,
    readonly threshold = 20,
  ) {
    super();
    checkNonNegative('Softplus', 'beta', beta);
    if (beta === 0) throw new RangeError('Softplus: beta must be > 0, got 0');
    checkFinite('Softplus', 'threshold', threshold);
    this.f = softplus(beta, threshold);
  }
  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/** Tanh(x). */
export class Tanh extends Activation {
  readonly kind = 'Tanh';
  protected readonly f = tanh;
}

/** Sigmoid(x) = 1/(1 + e⁻ˣ). */
export class Sigmoid extends Activation {
  readonly kind = 'Sigmoid';
  protected readonly f = sigmoid;
}

/** Hardtanh(x) = x clipped to [minVal, maxVal]. */
export class Hardtanh extends Activation {
  readonly kind = 'Hardtanh';
  protected readonly f: ActivationFunction;
  constructor(
    readonly minVal = -1,
    readonly maxVal = 1,
  ) {
    super();
    if (!(minVal < maxVal)) throw new RangeError(`Hardtanh: need minVal < maxVal, got ${minVal} and ${maxVal}`);
    this.f = hardtanh(minVal, maxVal);
  }
  override extraRepr(): string {
    return `minVal=${this.minVal}, maxVal=${this.maxVal}`;
  }
}

/** Identity(x) = x: the "no activation" choice, to show that stacked linear layers stay linear. */
export class Identity extends Activation {
  readonly kind = 'Identity';
  protected readonly f = identity;
}
