import { scaledExp } from '../math/double-double.js';
import { defineActivation } from './activation.js';

const SCALE = 1.0507009873554804934193349852946;
// scale·α rounded once from the exact product, rather than the product of two rounded constants.
const SCALE_ALPHA = 1.7580993408473768;

export const selu = defineActivation({
  name: 'selu',
  label: 'SELU',
  description:
    'Scaled ELU with the constants that make activations self-normalizing (Klambauer et al., 2017)',
  formula: 'λ·x if x > 0, else λ·α·(eˣ − 1), with α ≈ 1.6733, λ ≈ 1.0507',
  params: [],
  range: [-5, 5],
  kinks: () => [0],
  derivativeConvention: "f'(0) = λ·α (the left slope), as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x > 0 ? SCALE * x : SCALE_ALPHA * Math.expm1(x)),
  // λα·eˣ in one rounding: where eˣ is subnormal, rounding it first and then scaling by λα ≈ 1.76
  // would be off by more than one subnormal step.
  df: (x) => (x > 0 ? SCALE : scaledExp(SCALE_ALPHA, x)),
});
