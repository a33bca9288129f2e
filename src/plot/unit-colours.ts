/**
 * Units' colours, shared by the fit chart and the page's kink handles (this file pulls in no
 * Plot, so the handles' code stays small): CSS variables the theme sets, --if-unit-1 … in
 * fit-demo.css, so light and dark restyle them without a redraw.
 */

/** How many unit colours there are; more units reuse them in turn. */
export const UNIT_COLOURS = 8;

/** The colour of unit `u` (from 0). */
export const unitColour = (u: number): string => `var(--if-unit-${(u % UNIT_COLOURS) + 1})`;

/** Up to this many units the legend names each one; past it, one line says how they are drawn. */
const NAMED_UNITS = 10;

/**
 * The fit chart's key to its units: each unit's name beside a dash of its colour, or, for
 * many units, one line on how they are drawn. Plain HTML beside the chart, like the loss
 * chart's legend; null when the model has no units to show.
 */
export function unitLegend(unitNames: readonly string[], doc: Document = document): HTMLElement | null {
  if (unitNames.length === 0) return null;
  const legend = doc.createElement('ul');
  legend.className = 'if-legend if-legend--units';
  legend.dataset.units = String(unitNames.length);
  const item = (text: string, colour: string | null) => {
    const li = doc.createElement('li');
    const swatch = doc.createElement('span');
    swatch.className = 'if-swatch if-swatch--dashed';
    if (colour) swatch.setAttribute('style', `--if-swatch:${colour}`);
    li.append(swatch, doc.createTextNode(text));
    legend.append(li);
  };
  if (unitNames.length <= NAMED_UNITS) unitNames.forEach((name, u) => item(name, unitColour(u)));
  else item(`${unitNames.length} units, dashed, ${UNIT_COLOURS} colours in turn; a dot marks each kink`, unitColour(0));
  return legend;
}
