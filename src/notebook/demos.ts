/**
 * Every training demo a notebook can reproduce: its experiment, its chapter, and the
 * recipe that writes it in Python. A test checks this list against the chapters' demos.
 */
import { defaults, type Settings, type SettingsSpec } from '../train/settings';
import { notebookCells, toIpynb, toPython, type NotebookRequest, type Recipe, type RecipeInput } from './notebook';
import { quadraticByHandRecipe, reluByHandRecipe } from './recipes/by-hand';
import { doubleReluRecipe } from './recipes/double-relu';
import { quadraticDescentRecipe } from './recipes/quadratic';
import { activationRaceRecipe, optimizerRaceRecipe } from './recipes/races';
import { reluFitterRecipe, reluInterpolantRecipe } from './recipes/relu-fitter';
import { reluSurfaceRecipe } from './recipes/relu-surface';
import { sineByHandRecipe, sineEpochsRecipe } from './recipes/sine';
import { thermoCustomRecipe, thermoLinearRecipe, thermoMlpRecipe } from './recipes/thermometer';

export interface NotebookDemo {
  /** The demo's id on its page (the notebook's file name). */
  demo: string;
  experiment: string;
  /** The chapter's slug and title. */
  chapter: { slug: string; title: string };
  recipe: Recipe;
}

const chapter = (slug: string, title: string) => ({ slug, title });
const CH1 = chapter('01-functions', '1. A model is a function with parameters');
const CH2 = chapter('02-gradient-descent', '2. Gradient descent');
const CH3 = chapter('03-the-relu', '3. The rectified linear unit');
const CH4 = chapter('04-sums-of-relus', '4. Sums of ReLUs can fit anything');
const CH5 = chapter('05-a-hidden-layer-by-hand', '5. A hidden layer, by hand');
const CH6 = chapter('06-torch-nn-modules', '6. torch.nn-style modules');
const CH7 = chapter('07-activation-functions', '7. Activation functions');
const CH8 = chapter('08-training-faster', '8. Training faster, with less data');

/** Every demo, in the order of the chapters: those set by hand, then those that train (whose id is also their experiment's). */
export const NOTEBOOK_DEMOS: readonly NotebookDemo[] = [
  { demo: 'quadratic-by-hand', experiment: 'quadratic-by-hand', chapter: CH1, recipe: quadraticByHandRecipe },
  ...([1, 2, 3] as const).map((n) => ({ demo: `relu-${n}`, experiment: `relu-by-hand-${n}`, chapter: CH3, recipe: reluByHandRecipe(n) })),
  { demo: 'relu-interpolant', experiment: 'relu-interpolant', chapter: CH4, recipe: reluInterpolantRecipe },
  ...(
    [
      ['quadratic-descent', CH2, quadraticDescentRecipe],
      ['double-relu', CH4, doubleReluRecipe],
      ['relu-fitter', CH4, reluFitterRecipe],
      ['relu-surface', CH4, reluSurfaceRecipe],
      ['sine-by-hand', CH5, sineByHandRecipe],
      ['sine-epochs', CH5, sineEpochsRecipe],
      ['thermo-linear', CH6, thermoLinearRecipe],
      ['thermo-mlp', CH6, thermoMlpRecipe],
      ['thermo-custom', CH6, thermoCustomRecipe],
      ['activation-race', CH7, activationRaceRecipe],
      ['optimizer-race', CH8, optimizerRaceRecipe],
    ] as const
  ).map(([demo, chapter, recipe]) => ({ demo, experiment: demo, chapter, recipe })),
];

export function notebookDemo(demo: string): NotebookDemo {
  const d = NOTEBOOK_DEMOS.find((n) => n.demo === demo);
  if (!d) throw new RangeError(`No notebook for demo "${demo}"; known: ${NOTEBOOK_DEMOS.map((n) => n.demo).join(', ')}`);
  return d;
}

export interface NotebookOptions extends Partial<RecipeInput> {
  /** The page's address with these settings; the chapter's page from the site's root when omitted. */
  url?: string;
  notes?: string[];
}

export interface Notebook {
  /** File names without extension: the demo id with underscores (a Python module name). */
  name: string;
  cells: ReturnType<typeof notebookCells>;
  python: string;
  ipynb: string;
}

/**
 * The notebook of `demo` at `settings` (its defaults where omitted), trained for `steps`, given
 * the demo's settings spec: the page has it, and this module loads no experiment (nor tfjs).
 * At build time and in tests, `notebookFor` in ./defaults finds the spec itself.
 */
export function notebookOf(demo: string, spec: SettingsSpec, o: NotebookOptions = {}): Notebook {
  const d = notebookDemo(demo);
  const settings: Settings = { ...defaults(spec), ...o.settings };
  const request: NotebookRequest = {
    demo,
    spec,
    recipe: d.recipe,
    settings,
    steps: o.steps ?? d.recipe.steps,
    edits: o.edits ?? [],
    page: { title: d.chapter.title, url: o.url ?? `/chapters/${d.chapter.slug}/` },
    ...(o.notes && { notes: o.notes }),
  };
  const cells = notebookCells(request);
  return { name: demo.replaceAll('-', '_'), cells, python: toPython(cells), ipynb: toIpynb(cells) };
}
