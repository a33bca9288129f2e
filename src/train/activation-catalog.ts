import { ELU, GELU, Hardtanh, Identity, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh, type Activation } from '../nn';
import { ACTIVATION_INFO, type ActivationName } from './activation-names';

export { ACTIVATION_NAMES, type ActivationName } from './activation-names';

const MAKE: Record<ActivationName, () => Activation> = {
  relu: () => new ReLU(),
  leaky: () => new LeakyReLU(),
  elu: () => new ELU(),
  gelu: () => new GELU(),
  softplus: () => new Softplus(),
  tanh: () => new Tanh(),
  sigmoid: () => new Sigmoid(),
  hardtanh: () => new Hardtanh(),
  none: () => new Identity(),
};

/** The activations of chapter 7, and Identity: no activation at all; each with its label, PyTorch name and module. */
export const ACTIVATIONS = Object.fromEntries(
  Object.entries(ACTIVATION_INFO).map(([k, info]) => [k, { ...info, make: MAKE[k as ActivationName] }]),
) as Record<ActivationName, { label: string; torch: string; make: () => Activation }>;
