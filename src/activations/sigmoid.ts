import { sigmoid as logistic } from '../math/logistic.js';
import { defineActivation } from './activation.js';

export const sigmoid = defineActivation({
  name: 'sigmoid',
  label: 'Sigmoid',
  aliases: ['logistic'],
  description: 'Logistic sigmoid: squashes any input into (0, 1)',
  formula: '1 / (1 + e⁻ˣ)',
  params: [],
  range: [-8, 8],
  turningPoints: () => [],
  derivativeTurningPoints: () => [0], // σ(1 − σ) peaks at 0
  f: (x) => logistic(x),
  // σ(x)·σ(−x) rather than σ(1 − σ): 1 − σ(x) cancels to 0 for large x.
  df: (x) => logistic(x) * logistic(-x),
});
