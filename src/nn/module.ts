import type { Parameter } from './parameter';
import type { Tensor2D } from './tf';

/**
 * The base of every layer and model, like `torch.nn.Module`: `forward` maps a batch
 * B × inFeatures to B × outFeatures. Parameters are found through `ownParameters()` and
 * `children()`, which each subclass lists explicitly (no reflection).
 */
export abstract class Module {
  /** The class name as torch prints it ("Linear"); written out because bundlers rename classes. */
  abstract readonly kind: string;

  abstract forward(x: Tensor2D): Tensor2D;

  /** This module's own parameters by name, in a stable order (weight, then bias). */
  ownParameters(): Record<string, Parameter> {
    return {};
  }

  /** Direct submodules by name, in order. */
  children(): Record<string, Module> {
    return {};
  }

  /** `[["0.weight", p], ["0.bias", p], …]`: own parameters first, then each child's. */
  namedParameters(prefix = ''): [string, Parameter][] {
    const own = Object.entries(this.ownParameters()).map(([name, p]): [string, Parameter] => [prefix + name, p]);
    const inner = Object.entries(this.children()).flatMap(([name, child]) => child.namedParameters(`${prefix}${name}.`));
    return [...own, ...inner];
  }

  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Settings shown in the parentheses of its printout (see print.ts), e.g. `inFeatures=1, outFeatures=13`. */
  extraRepr(): string {
    return '';
  }

  /** Frees every parameter's memory; the module can't be used afterwards. */
  dispose(): void {
    for (const p of this.parameters()) p.dispose();
  }
}
