/**
 * Units' colours, shared by the fit chart and the page's kink handles (this file pulls in no
 * Plot, so the handles' code stays small): CSS variables the theme sets, --if-unit-1 … in
 * fit-demo.css, so light and dark restyle them without a redraw.
 */

/** How many unit colours there are; more units reuse them in turn. */
export const UNIT_COLOURS = 8;

/** The colour of unit `u` (from 0). */
export const unitColour = (u: number): string => `var(--if-unit-${(u % UNIT_COLOURS) + 1})`;
