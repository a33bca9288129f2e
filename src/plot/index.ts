export { fitChart, type FitChartInput } from './fit-chart';
export { lossChart, type LossChartInput } from './loss-chart';
