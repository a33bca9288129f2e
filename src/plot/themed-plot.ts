import * as Plot from '@observablehq/plot';

/**
 * Makes a Plot figure one accessible image: the SVG keeps its label and description,
 * and the labels Plot puts on inner <g> groups (not allowed on a plain group) are removed.
 */
export function asAccessibleImage<T extends Element>(figure: T): T {
  const svg = figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg');
  if (!svg) return figure;
  svg.setAttribute('role', 'img');
  for (const el of svg.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  return figure;
}

/**
 * Plot.plot with the site's look (transparent background, the page's text colour, so light
 * and dark themes need no redraw) and as one accessible image.
 */
export function themedPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return asAccessibleImage(
    Plot.plot({ style: { background: 'transparent', color: 'inherit', fontSize: '12px' }, ...options }),
  );
}
