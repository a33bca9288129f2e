/**
 * The site's torch.nn-style library on TensorFlow.js. Names follow PyTorch; arguments are
 * camelCase. A training step reads as in torch:
 *
 *   optimizer.zeroGrad();
 *   const loss = backward(() => lossFn.forward(model.forward(x), y), model.parameters());
 *   optimizer.step();
 */
export { tf, startBackend, BACKENDS, type BackendName, type BackendReport } from './tf';
export type { Tensor, Tensor1D, Tensor2D, Scalar, Variable } from './tf';
export { Parameter } from './parameter';
export { Module } from './module';
export { countParameters, printModule } from './print';
export { Linear, type LinearOptions } from './linear';
export { Sequential } from './sequential';
export { Activation, ELU, GELU, Hardtanh, Identity, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from './activations';
export * as functional from './activation-functions';
export type { ActivationFunction } from './activation-functions';
export { BCEWithLogitsLoss, L1Loss, MSELoss, type BCEWithLogitsOptions, type Loss } from './losses';
export { backward } from './autograd';
export { Optimizer } from './optim/optimizer';
export { SGD, type SGDOptions } from './optim/sgd';
export { Adam, type AdamOptions } from './optim/adam';
export { CosineAnnealingLR, ExponentialLR, LRScheduler, StepLR } from './optim/lr-scheduler';
