export { MT19937 } from './mt19937';
export { RandomState } from './random-state';
export { linspace } from './linspace';
export { brokenLineMse, leastSquaresLine } from './least-squares';
export {
  batchIndices,
  datasetQ1,
  datasetQ2,
  datasetSine,
  datasetThermometer,
  THERMOMETER_C,
  THERMOMETER_U,
  type Dataset1D,
  type QuadraticSettings,
  type ThermometerData,
} from './datasets';
export { Batches, column, columnTensors, Q_GRID, S, S_GRID, S_SHOWN, WindowBatches } from './tensors';
