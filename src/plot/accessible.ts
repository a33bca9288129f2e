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
