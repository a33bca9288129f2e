export { fitChart, unitLegend, updateFitCurves, type FitChartInput } from './fit-chart';
export { lossChart, seriesColour, updateLossChart, type LossChartInput } from './loss-chart';
export { surfaceChart, surfaceLegend, updateSurfaceChart, type SurfaceChartInput } from './surface-chart';
export { compactSvg } from './themed-plot';
export { landscapeChart, lossAndSlope, updateLandscapeChart, type LandscapeInput } from './landscape-chart';
export { contourChart, updateContourChart, type ContourInput } from './contour-chart';
export { classChart, updateClassChart, type ClassChartInput } from './class-chart';
export { networkDiagram, networkItems, networkKeys, redrawNetwork, splitParameters, type NetworkDiagramInput } from './network-diagram';
