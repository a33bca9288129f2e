export { fitChart, unitLegend, updateFitCurves, type FitChartInput } from './fit-chart';
export { lossChart, seriesColour, updateLossChart, type LossChartInput } from './loss-chart';
export { surfaceChart, surfaceLegend, updateSurfaceChart, type SurfaceChartInput } from './surface-chart';
export { compactSvg } from './themed-plot';
export { contourChart, landscapeChart, lossAndSlope, type ContourInput, type LandscapeInput } from './landscape-chart';
export { classChart, updateClassChart, type ClassChartInput } from './class-chart';
export { networkDiagram, networkItems, networkKeys, redrawNetwork, splitParameters, type NetworkDiagramInput } from './network-diagram';
