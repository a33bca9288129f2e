export type { Experiment, ExperimentDefinition } from './experiment';
export { EXPERIMENTS, experimentById } from './registry';
export { ReluSum } from './relu-sum';
export { RUNAWAY_FACTOR, TrainingSession, type Progress, type RunEnd, type StepRow } from './session';
export {
  defaults,
  formatSeries,
  seriesValues,
  parseSetting,
  settingsFromQuery,
  unknownDemoIds,
  parseDecimal,
  settingsToQuery,
  type BooleanSetting,
  type ChoiceSetting,
  type NumberSetting,
  type SeriesSetting,
  type Settings,
  type SettingSpec,
  type SettingValue,
} from './settings';
