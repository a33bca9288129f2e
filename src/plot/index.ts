export { fitChart, updateFitCurves, type FitChartInput, type FitPart } from './fit-chart';
export { unitLegend } from './unit-colours';
export { lossChart, seriesColour, updateLossChart, type LossChartInput } from './loss-chart';
export { surfaceChart, surfaceLegend, updateSurfaceChart, type SurfaceChartInput } from './surface-chart';
export { compactSvg } from './themed-plot';
export { landscapeChart, lossAndSlope, updateLandscapeChart, type LandscapeInput } from './landscape-chart';
export { contourChart, updateContourChart, type ContourInput } from './contour-chart';
export { classChart, updateClassChart, type ClassChartInput } from './class-chart';
export { networkDiagram, networkItems, networkKeys, placeNetwork, splitParameters, type NetworkDiagramInput } from './network-diagram';
