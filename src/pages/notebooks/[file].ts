/**
 * notebooks/<demo>.ipynb and notebooks/<demo>.py: each training demo's run at its chapter's
 * settings, in NumPy and PyTorch, as static files (the demo links them; CI runs them all).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { notebookFor } from '../../notebook/defaults';
import { NOTEBOOK_DEMOS } from '../../notebook/demos';

export const getStaticPaths = (() =>
  NOTEBOOK_DEMOS.flatMap(({ demo }) => {
    const nb = notebookFor(demo);
    return [
      { params: { file: `${demo}.ipynb` }, props: { text: nb.ipynb, type: 'application/x-ipynb+json' } },
      { params: { file: `${demo}.py` }, props: { text: nb.python, type: 'text/x-python; charset=utf-8' } },
    ];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.text as string, { headers: { 'Content-Type': props.type as string } });
