import { defineActivation } from './activation.js';

export const exponential = defineActivation({
  name: 'exponential',
  label: 'Exponential',
  description: "The exponential eˣ (Keras' 'exponential' activation): its own derivative",
  formula: 'eˣ',
  params: [],
  range: [-5, 3],
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => Math.exp(x),
  df: (x) => Math.exp(x),
});
