import { Module } from './module';
import { tf, type Tensor2D } from './tf';

/**
 * Modules applied in order, like `torch.nn.Sequential`: positionally
 * (`new Sequential(a, b, c)`, children named "0", "1", "2") or named, the `OrderedDict` form
 * (`new Sequential({ hidden: a, act: b, out: c })`), whose names appear in `namedParameters()`.
 */
export class Sequential extends Module {
  readonly kind = 'Sequential';
  readonly #children: Record<string, Module>;

  constructor(...modules: Module[]);
  constructor(named: Record<string, Module>);
  constructor(...args: Module[] | [Record<string, Module>]) {
    super();
    const first = args[0];
    const named =
      args.length === 1 && first !== undefined && !(first instanceof Module)
        ? (first as Record<string, Module>)
        : Object.fromEntries((args as Module[]).map((m, i) => [String(i), m]));
    for (const [name, m] of Object.entries(named)) {
      if (!(m instanceof Module)) {
        throw new TypeError(`Sequential: child "${name}" is not a Module (got ${typeof m})`);
      }
      if (name === '' || name.includes('.')) {
        throw new RangeError(`Sequential: child names must be non-empty and contain no ".", got "${name}"`);
      }
    }
    this.#children = { ...named };
  }

  override children(): Record<string, Module> {
    return this.#children;
  }

  /** The child called `name` ("hidden", or "0" for the first positional one). */
  get(name: string | number): Module {
    const m = this.#children[String(name)];
    if (!m) throw new RangeError(`Sequential.get: no child "${name}"; children are ${Object.keys(this.#children).join(', ')}`);
    return m;
  }

  get length(): number {
    return Object.keys(this.#children).length;
  }

  forward(x: Tensor2D): Tensor2D {
    // tidy frees the intermediate activations; autograd keeps what it needs on its own.
    return tf.tidy(() => Object.values(this.#children).reduce((h, m) => m.forward(h), x));
  }
}
