import { defineActivation } from './activation.js';
import { siluDerivative, siluDerivativeTurningPoints, siluTurningPoints, siluValue } from './silu.js';

/**
 * 1.702, the constant of Hendrycks & Gimpel's sigmoid approximation of GELU as OpenAI's CLIP
 * uses it (`x * torch.sigmoid(1.702 * x)`, QuickGELU in CLIP's model.py and Hugging Face
 * transformers' QuickGELUActivation). The function is SiLU with β = 1.702, so it is computed by
 * SiLU's code; it is an entry of its own because people look for it by this name and plot it
 * beside GELU.
 */
const BETA = 1.702;

export const quickGelu = defineActivation({
  name: 'quick_gelu',
  label: 'QuickGELU',
  description: "GELU's sigmoid approximation x·σ(1.702x), as in OpenAI's CLIP: SiLU with β = 1.702",
  formula: 'x·σ(1.702·x)',
  params: [],
  range: [-4, 4],
  derivativeConvention: "f' = s + 1.702·x·s·(1 − s) with s = σ(1.702·x)",
  turningPoints: () => siluTurningPoints(BETA),
  derivativeTurningPoints: () => siluDerivativeTurningPoints(BETA),
  f: (x) => siluValue(x, BETA),
  df: (x) => siluDerivative(x, BETA),
});
