import { ELU, GELU, Hardtanh, Identity, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh, type Activation } from '../nn';

/** The activations of chapter 7, and Identity: no activation at all; with PyTorch's name for each. */
export const ACTIVATIONS = {
  relu: { label: 'ReLU', torch: 'ReLU', make: () => new ReLU() },
  leaky: { label: 'LeakyReLU', torch: 'LeakyReLU', make: () => new LeakyReLU() },
  elu: { label: 'ELU', torch: 'ELU', make: () => new ELU() },
  gelu: { label: 'GELU', torch: 'GELU', make: () => new GELU() },
  softplus: { label: 'Softplus', torch: 'Softplus', make: () => new Softplus() },
  tanh: { label: 'Tanh', torch: 'Tanh', make: () => new Tanh() },
  sigmoid: { label: 'Sigmoid', torch: 'Sigmoid', make: () => new Sigmoid() },
  hardtanh: { label: 'Hardtanh', torch: 'Hardtanh', make: () => new Hardtanh() },
  none: { label: 'Identity', torch: 'Identity', make: () => new Identity() },
} satisfies Record<string, { label: string; torch: string; make: () => Activation }>;
export type ActivationName = keyof typeof ACTIVATIONS;
export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];
