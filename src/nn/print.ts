import type { Module } from './module';

/** A module as PyTorch's repr prints it: `Sequential(\n  (0): Linear(…)\n …)`. */
export function printModule(m: Module): string {
  const kids = Object.entries(m.children());
  const head = `${m.kind}(${m.extraRepr()}`;
  if (kids.length === 0) return `${head})`;
  const lines = kids.map(([name, child]) => `  (${name}): ${printModule(child).split('\n').join('\n  ')}`);
  return `${head}\n${lines.join('\n')}\n)`;
}

/** How many trainable numbers a module has (torch: `sum(p.numel() for p in m.parameters())`). */
export const countParameters = (m: Module): number => m.parameters().reduce((n, p) => n + p.size, 0);
