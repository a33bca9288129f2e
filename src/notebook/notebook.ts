/**
 * A demo's run as a Python program: NumPy for the seeded data and initial parameters (the
 * same recipes as `src/data`), PyTorch in float32 for the model, loss and optimizer, and
 * the step log printed as the page prints it. One source makes the page's PyTorch tabs,
 * the build-time notebooks in `notebooks/`, and the notebooks a reader downloads from a
 * demo's current state; CI runs them all against the site's own runs.
 */
import type { UnitEdit } from '../train/experiment';
import type { SettingsSpec, Settings } from '../train/settings';

export interface Cell {
  kind: 'markdown' | 'code';
  source: string;
}

/** What a recipe is asked for: a demo's settings and how far to train. */
export interface RecipeInput {
  settings: Settings;
  /** Steps to train (the log prints step 0 and then up to this step). */
  steps: number;
  /** Kinks the reader dragged, each applied after `step` steps, in order. */
  edits: readonly { step: number; edit: UnitEdit }[];
}

/**
 * How one experiment is written in Python: the code cells after the settings cell, which
 * define the data, the model and the loop. They use the settings by their keys (`lr`,
 * `seed`…), `steps`, `edits`, and the prelude's `log` (`log.header`, `log.row`).
 */
export interface Recipe {
  /** Steps a notebook trains when the demo has not run yet: the horizon the chapter talks about (0: a demo set by hand). */
  steps: number;
  /** Log columns after the loss, as the page names them. */
  columns(settings: Settings): string[];
  cells(input: RecipeInput): Cell[];
  /** True where `edits` are replayed (dragged kinks); elsewhere a run with edits is refused. */
  replaysEdits?: boolean;
  /**
   * At the chapter's settings the run is chaotic after this step (loss spikes amplify float32
   * rounding, which differs between tfjs and PyTorch): rows agree to float32 tolerance up to
   * here, and the notebook says so. Measured; the test compares rows up to this step.
   */
  exactUntil?: number;
}

/** Where a notebook comes from: the demo, its page, and the run to reproduce. */
export interface NotebookRequest extends RecipeInput {
  demo: string;
  spec: SettingsSpec;
  recipe: Recipe;
  /** The chapter's title and the page's address with these settings (absolute where known). */
  page: { title: string; url: string };
  /** Said in the opening cell: how this run differs from the page's, if it does. */
  notes?: string[];
}

const PRELUDE = String.raw`import math

import numpy as np
import torch

torch.set_default_dtype(torch.float32)
torch.set_num_threads(1)  # the same order of additions on every run


def fmt(v):
    """A number as the page's step log prints it."""
    v = float(v)
    if v != v or v in (math.inf, -math.inf):
        return {math.inf: "Infinity", -math.inf: "-Infinity"}.get(v, "NaN")
    if v != 0 and (abs(v) >= 1e4 or abs(v) < 1e-3):
        mantissa, exponent = f"{v:.3e}".split("e")
        return f"{mantissa}e{int(exponent):+d}"
    return f"{v + 0.0:.4f}"


class StepLog:
    """Prints step 0, every \`every\`-th step and the last, and stops a run that diverges."""

    def __init__(self, columns, steps):
        self.columns, self.steps = columns, steps
        self.every = max(1, steps // 100)
        self.first = None
        self.widths = [max(10, len(name)) for name in ["step", "loss", *columns]]

    def print_row(self, values):
        print("  ".join(f"{v:>{w}}" for v, w in zip(values, self.widths)))

    def header(self):
        self.print_row(["step", "loss", *self.columns])

    def row(self, step, loss, columns=()):
        loss = float(loss)
        columns = [float(c) for c in columns]
        if self.first is None:
            self.first = loss
        healthy = math.isfinite(loss) and loss <= 100 * max(self.first, 1e-3) and all(map(math.isfinite, columns))
        if step % self.every == 0 or step == self.steps or not healthy:
            self.print_row([str(step), fmt(loss), *map(fmt, columns)])
        if not healthy:
            print(f"Training stopped at step {step}: the loss ran away (as the page stops it).")
        return healthy`;

/** A setting's value written as Python. */
function pythonValue(spec: SettingsSpec, key: string, v: Settings[string]): string {
  const s = spec[key];
  if (s?.kind === 'series') {
    const values = String(v) === '' ? [] : String(v).split(',').map(Number);
    return `[${values.join(', ')}]`;
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? String(v) : String(v);
  return JSON.stringify(v);
}

/** The settings cell: one line per setting, named by its key, labelled as the control is. */
function settingsCell(r: NotebookRequest): string {
  const lines = Object.keys(r.spec)
    .filter((key) => !r.spec[key]!.display)
    .map((key) => `${key} = ${pythonValue(r.spec, key, r.settings[key]!)}  # ${r.spec[key]!.label}`);
  // A demo set by hand has no training: its log is one row, the loss where the parameters stand.
  if (r.recipe.steps > 0) lines.push(`steps = ${r.steps}  # how many steps to train`);
  if (r.recipe.replaysEdits) lines.push(`edits = ${editsLiteral(r.edits)}  # kinks dragged by hand: (after step, unit, kink, slope)`);
  lines.push(`log = StepLog(${JSON.stringify(r.recipe.columns(r.settings))}, ${r.recipe.steps > 0 ? 'steps' : '0'})`);
  return lines.join('\n');
}

const pyNumber = (v: number | undefined) => (v === undefined ? 'None' : String(v));
const editsLiteral = (edits: RecipeInput['edits']) =>
  `[${edits.map((e) => `(${e.step}, ${e.edit.unit}, ${pyNumber(e.edit.kink)}, ${pyNumber(e.edit.slope)})`).join(', ')}]`;

/** The notebook's cells: where it comes from, the prelude, the settings, then the recipe's. */
export function notebookCells(r: NotebookRequest): Cell[] {
  if (r.edits.length > 0 && !r.recipe.replaysEdits)
    throw new RangeError(`${r.demo}: its notebook does not replay kinks dragged by hand; press Reset for the notebook of these settings`);
  const intro = [
    `# ${r.page.title}: the "${r.demo}" demo in PyTorch`,
    '',
    `This notebook reruns the demo at [this page, with these settings](${r.page.url}) in NumPy and PyTorch ` +
      '(float32, as the page computes). The data and the initial parameters come from NumPy’s `RandomState`, ' +
      'by the same recipes as the site’s seeded generator, so the step log it prints matches the page’s row by row ' +
      '(to float32 rounding: the two add up numbers in different orders).',
    ...(r.recipe.exactUntil !== undefined && r.steps > r.recipe.exactUntil
      ? [
          `\nAt the chapter's settings the two logs agree to about step ${r.recipe.exactUntil}. After that this run is chaotic: ` +
            'spikes in the loss magnify the last-bit differences between PyTorch’s and TensorFlow.js’s float32 arithmetic, ' +
            'so the two reach similar losses by different paths. Other settings can part earlier or later.',
        ]
      : []),
    ...(r.notes ?? []).map((n) => `\n${n}`),
    '',
    'To try other settings, change them where they are set (after the helper functions) and run everything again.',
  ].join('\n');
  return [{ kind: 'markdown', source: intro }, { kind: 'code', source: PRELUDE }, { kind: 'code', source: settingsCell(r) }, ...r.recipe.cells(r)];
}

/** The cells as a plain Python script (markdown as comments). */
export function toPython(cells: readonly Cell[]): string {
  const parts = cells.map((c) =>
    c.kind === 'code'
      ? c.source.trimEnd()
      : c.source
          .split('\n')
          .map((l) => (l ? `# ${l.replace(/^#+ /, '')}` : '#'))
          .join('\n'),
  );
  return `${parts.join('\n\n\n')}\n`;
}

/** The cells as a Jupyter notebook (nbformat 4.5), JSON text. */
export function toIpynb(cells: readonly Cell[]): string {
  const lines = (s: string) => s.split(/(?<=\n)/);
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
    },
    cells: cells.map((c, i) =>
      c.kind === 'code'
        ? { cell_type: 'code', id: `cell-${i}`, metadata: {}, execution_count: null, outputs: [], source: lines(c.source.trimEnd()) }
        : { cell_type: 'markdown', id: `cell-${i}`, metadata: {}, source: lines(c.source) },
    ),
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}
