/**
 * Notebooks where the experiments are at hand (the build, MDX pages, tests): the spec comes
 * from the registry. The page's download path uses `notebookOf` in ./demos instead, which
 * loads no experiment and no tfjs.
 */
import { experimentById } from '../train/registry';
import { notebookDemo, notebookOf, type Notebook, type NotebookOptions } from './demos';

/** The notebook of `demo` at `settings` (its defaults when omitted) trained for `steps`. */
export function notebookFor(demo: string, o: NotebookOptions = {}): Notebook {
  const d = notebookDemo(demo);
  // The chapter's canonical address where the build knows the site's (SITE_URL), as the sitemap has it.
  const env = import.meta.env as Record<string, string | undefined> | undefined;
  const url = env?.SITE ? new URL(`${env.BASE_URL ?? '/'}chapters/${d.chapter.slug}/`, env.SITE).href : undefined;
  return notebookOf(demo, experimentById(d.experiment).settings, { ...(url && { url }), ...o });
}
