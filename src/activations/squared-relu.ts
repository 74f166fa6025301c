import { defineActivation } from './activation.js';

// Squared ReLU, relu(x)², from the Primer architecture (So et al., "Primer: searching for
// efficient transformers for language modeling", 2021); Hugging Face transformers calls it
// ReLUSquaredActivation ("relu2"). f' = 2·relu(x) is continuous, so 0 has no convention to choose.
export const squaredRelu = defineActivation({
  name: 'squared_relu',
  label: 'Squared ReLU',
  aliases: ['relu_squared'],
  description: 'ReLU squared: 0 for x ≤ 0, x² above, as in the Primer transformer (So et al., 2021)',
  formula: 'max(0, x)²',
  params: [],
  range: [-3, 3],
  derivativeConvention: "f' = 2·max(0, x), continuous at 0",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x > 0 ? x * x : 0),
  df: (x) => (x > 0 ? 2 * x : 0),
});
