export { fitChart, updateFitCurves, type FitChartInput } from './fit-chart';
export { lossChart, seriesColour, updateLossChart, type LossChartInput } from './loss-chart';
export { surfaceChart, type SurfaceChartInput } from './surface-chart';
export { compactSvg } from './themed-plot';
