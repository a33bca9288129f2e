import { checkNonNegative } from '../checks';
import type { Parameter } from '../parameter';

/**
 * The base of SGD and Adam, like `torch.optim.Optimizer`: it holds the parameters and the
 * learning rate (`lr`, which schedulers change between steps), and any per-parameter state.
 */
export abstract class Optimizer {
  readonly params: readonly Parameter[];
  #lr: number;

  protected constructor(
    protected readonly name: string,
    params: Iterable<Parameter>,
    lr: number,
  ) {
    this.params = [...params];
    if (this.params.length === 0) throw new RangeError(`${name}: got an empty parameter list`);
    checkNonNegative(name, 'lr', lr);
    this.#lr = lr;
  }

  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    checkNonNegative(this.name, 'lr', value);
    this.#lr = value;
  }

  /** Clears every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /** Updates each parameter that has a gradient; those without one are left alone. */
  abstract step(): void;

  /** Frees the optimizer's state (momentum buffers, moment estimates); not the parameters. */
  abstract dispose(): void;
}
