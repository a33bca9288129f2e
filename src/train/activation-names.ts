/** Chapter 7's activations and Identity by key: the label the page shows and PyTorch's class name (no tfjs here: the page's main thread reads this). */
export const ACTIVATION_INFO = {
  relu: { label: 'ReLU', torch: 'ReLU' },
  leaky: { label: 'LeakyReLU', torch: 'LeakyReLU' },
  elu: { label: 'ELU', torch: 'ELU' },
  gelu: { label: 'GELU', torch: 'GELU' },
  softplus: { label: 'Softplus', torch: 'Softplus' },
  tanh: { label: 'Tanh', torch: 'Tanh' },
  sigmoid: { label: 'Sigmoid', torch: 'Sigmoid' },
  hardtanh: { label: 'Hardtanh', torch: 'Hardtanh' },
  none: { label: 'Identity', torch: 'Identity' },
} as const;
export type ActivationName = keyof typeof ACTIVATION_INFO;
export const ACTIVATION_NAMES = Object.keys(ACTIVATION_INFO) as ActivationName[];
