import { Module } from './module';
import { tf, type Tensor2D } from './tf';

/**
 * Modules applied in order, like `torch.nn.Sequential`: positionally
 * (`new Sequential(a, b, c)`, children named "0", "1", "2") or named, torch's `OrderedDict`
 * form (`new Sequential({ hidden: a, act: b, out: c })`), whose names the parameters carry.
 */
export class Sequential extends Module {
  readonly kind = 'Sequential';
  readonly #children: Record<string, Module>;

  constructor(...modules: Module[]);
  constructor(named: Record<string, Module>);
  constructor(...args: Module[] | [Record<string, Module>]) {
    super();
    const [first] = args;
    const named: Record<string, Module> =
      args.length === 1 && !(first instanceof Module) ? first! : Object.fromEntries((args as Module[]).map((m, i) => [String(i), m]));
    for (const [name, m] of Object.entries(named)) {
      if (!(m instanceof Module)) throw new TypeError(`Sequential: child "${name}" is not a Module (got ${typeof m})`);
      if (name === '' || name.includes('.')) throw new RangeError(`Sequential: child names must be non-empty and contain no ".", got "${name}"`);
    }
    this.#children = { ...named };
  }

  override children(): Record<string, Module> {
    return this.#children;
  }

  forward(x: Tensor2D): Tensor2D {
    // tidy frees the intermediate activations; autograd keeps what it needs on its own.
    return tf.tidy(() => Object.values(this.#children).reduce((h, m) => m.forward(h), x));
  }
}
