import { checkNonNegative } from '../checks';
import type { Parameter } from '../parameter';

/**
 * The base of SGD and Adam, like `torch.optim.Optimizer`: the parameters, the learning rate
 * (which a scheduler may change between steps) and, in subclasses, per-parameter state.
 */
export abstract class Optimizer {
  readonly params: readonly Parameter[];
  #lr = 0;

  protected constructor(
    protected readonly name: string,
    params: Iterable<Parameter>,
    lr: number,
  ) {
    this.params = [...params];
    if (this.params.length === 0) throw new RangeError(`${name}: got an empty parameter list`);
    this.lr = lr;
  }

  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    checkNonNegative(this.name, 'lr', value);
    this.#lr = value;
  }

  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /** Updates each parameter that has a gradient. */
  abstract step(): void;

  /** Frees the optimizer's state (momentum buffers, moment estimates), not the parameters. */
  abstract dispose(): void;
}
