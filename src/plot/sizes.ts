/**
 * Chart heights for the width a chart is drawn at. Below NARROW pixels (a phone's column)
 * charts get taller in proportion, so a chart drawn 320 wide is still tall enough to read:
 * the fit chart 0.8 of its width (against 0.55), the loss chart half (against 0.3).
 */
export const NARROW = 560;

export const narrow = (width: number): boolean => width < NARROW;

export const fitHeight = (width: number): number => Math.round(width * (narrow(width) ? 0.8 : 0.55));

export const lossHeight = (width: number, withLegend = false): number => Math.round(width * (narrow(width) ? 0.5 : withLegend ? 0.36 : 0.3));

/** Chapter 2's loss along a, under its fit chart: 0.6 of the fit chart's height. */
export const landscapeHeight = (width: number): number => Math.round(fitHeight(width) * 0.6);

/** Chapter 2's contour map over a and b: 0.75 of the fit chart's height. */
export const contourHeight = (width: number): number => Math.round(fitHeight(width) * 0.75);
