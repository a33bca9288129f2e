export { defineExperiment, viewOf, type Experiment, type ExperimentDefinition, type RunView, type UnitEdit } from './experiment';
export { EXPERIMENTS, experimentById } from './registry';
export { ReluSum } from './relu-sum';
export { RUNAWAY_FACTOR, TrainingRun, type Progress, type RunEnd, type StepRow } from './training-run';
export * from './settings';
