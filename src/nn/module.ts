import type { Parameter } from './parameter';
import type { Tensor2D } from './tf';

/**
 * The base of every layer and model, like `torch.nn.Module`: `forward` maps a batch
 * B × inFeatures to B × outFeatures; parameters are found through `ownParameters()` and
 * `children()`, listed explicitly by each subclass, never by reflection.
 */
export abstract class Module {
  /** True in training mode, false after `eval()` (layers such as dropout would read it). */
  training = true;

  /** The class name as torch prints it ("Linear"); written out because bundlers rename classes. */
  abstract readonly kind: string;

  abstract forward(x: Tensor2D): Tensor2D;

  /** This module's own parameters by name, in a stable order (e.g. weight, then bias). */
  ownParameters(): Record<string, Parameter> {
    return {};
  }

  /** Direct submodules by name, in order. */
  children(): Record<string, Module> {
    return {};
  }

  /** `[["0.weight", p], ["0.bias", p], …]`: own parameters first, then each child's. */
  namedParameters(prefix = ''): [string, Parameter][] {
    const own = Object.entries(this.ownParameters()).map(
      ([name, p]): [string, Parameter] => [prefix + name, p],
    );
    const inner = Object.entries(this.children()).flatMap(([name, child]) =>
      child.namedParameters(`${prefix}${name}.`),
    );
    return [...own, ...inner];
  }

  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Total count of trainable numbers. */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.size, 0);
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  train(mode = true): this {
    this.training = mode;
    for (const child of Object.values(this.children())) child.train(mode);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Frees every parameter's memory; the module can't be used afterwards. */
  dispose(): void {
    for (const p of this.parameters()) p.dispose();
  }

  /** Settings shown inside the parentheses of `toString()`, e.g. `inFeatures=1, outFeatures=13`. */
  protected extraRepr(): string {
    return '';
  }

  /** A printout in the style of PyTorch's module repr. */
  toString(): string {
    const kids = Object.entries(this.children());
    const head = `${this.kind}(${this.extraRepr()}`;
    if (kids.length === 0) return `${head})`;
    const lines = kids.map(([name, m]) => `  (${name}): ${m.toString().split('\n').join('\n  ')}`);
    return `${head}\n${lines.join('\n')}\n)`;
  }
}
