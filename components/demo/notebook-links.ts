/**
 * A demo's "take this run to Python" links. Their `href` is the build-time notebook of the
 * chapter's settings (it works without JavaScript); a click instead writes the notebook of
 * the run on screen (its settings, the steps it has taken, kinks dragged on the way) and
 * downloads that. The notebook code loads on the first click.
 */
import type { UnitEdit } from '../../src/train/experiment';
import type { Settings, SettingsSpec } from '../../src/train/settings';

/** What the notebook reproduces: read from the demo at the moment of the click. */
export interface RunToExport {
  spec: SettingsSpec;
  settings: Settings;
  step: number;
  edits: readonly { step: number; edit: UnitEdit }[];
  mixed: boolean;
  divergence: string | null;
  hand: boolean;
}

export type NotebookFormat = 'ipynb' | 'py';

/** The notebook's text for the run on screen. */
export async function notebookText(demo: string, run: RunToExport, format: NotebookFormat): Promise<string> {
  const { notebookOf } = await import('../../src/notebook/demos');
  const notes: string[] = [];
  if (run.mixed) {
    notes.push(
      'On the page a setting changed while the run went on; this notebook uses the settings shown when it was saved from step 0, so its log departs from the page’s after that change.',
    );
  }
  if (run.divergence) notes.push(`On the page: ${run.divergence} The notebook stops at the same step.`);
  const nb = notebookOf(demo, run.spec, {
    settings: run.settings,
    // A run that has not moved yet: the horizon the chapter talks about.
    ...(!run.hand && run.step > 0 && { steps: run.step }),
    edits: run.edits,
    url: location.href,
    notes,
  });
  return format === 'ipynb' ? nb.ipynb : nb.python;
}

/** Clicks on the demo's notebook links download the run on screen; `failed` tells the reader when that can't be done. */
export function wireNotebookLinks(root: HTMLElement, run: () => RunToExport, failed: (why: string) => void): void {
  root.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-role="notebook"]');
    // A modified click (new tab, save as) keeps the link's own file: the chapter's settings.
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const format = link.dataset.format as NotebookFormat;
    notebookText(root.id, run(), format).then(
      (text) => download(text, link.getAttribute('download') ?? `${root.id}.${format}`, format),
      (err: unknown) => failed(`The notebook could not be written: ${err instanceof Error ? err.message : String(err)}`),
    );
  });
}

function download(text: string, name: string, format: NotebookFormat): void {
  const type = format === 'ipynb' ? 'application/x-ipynb+json' : 'text/x-python';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have read it (an immediate revoke can cancel the download).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
