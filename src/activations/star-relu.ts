import { twoProduct, twoSum } from '../math/double-double.js';
import { defineActivation } from './activation.js';

// StarReLU, s·relu(x)² + b, from MetaFormer (Yu et al., "MetaFormer baselines for vision", 2022,
// sec. 3.2, and the StarReLU module of its code and of timm). The paper's defaults make the output
// of a standard normal input have mean 0 and variance 1: with E[relu(x)⁴] = 3/2 and
// E[relu(x)²] = 1/2, s = 1/√(3/2 − 1/4) = 1/√1.25 and b = −s/2 (0.8944 and −0.4472).
const SCALE = 1 / Math.sqrt(1.25);
const BIAS = -0.5 / Math.sqrt(1.25);

/**
 * s·x² + b for x > 0. With b < 0 < s it crosses 0 at x = √(−b/s) (0.7071 with the defaults),
 * where s·x² and b cancel: both products are carried exactly, so the sum keeps its digits there.
 */
function scaledSquarePlusBias(x: number, scale: number, bias: number): number {
  if (x === Infinity) return scale === 0 ? bias : scale * x; // ±∞, or b where s·∞ would be NaN
  // Beyond 2^490 x² is past 2^980, where TwoProduct of s and x² could overflow its split (it
  // needs factors below 2^996); below 2^-500 b is all there is. Plainly computed there.
  if (x > 2 ** 490 || x < 2 ** -500) return scale * x * x + bias;
  const [p, pl] = twoProduct(x, x);
  const [q, ql] = twoProduct(scale, p);
  // s·x² beyond the doubles (a large s): ±∞, which b cannot change; the error terms of an
  // overflowed product are NaN.
  if (!Number.isFinite(q)) return q;
  const [sum, sumLow] = twoSum(q, bias);
  return sum + (sumLow + ql + scale * pl);
}

export const starRelu = defineActivation<{ scale: number; bias: number }>({
  name: 'star_relu',
  label: 'StarReLU',
  description:
    'A scaled and shifted squared ReLU, s·relu(x)² + b, from MetaFormer (Yu et al., 2022); ' +
    'the defaults give a standard normal input mean 0 and variance 1',
  formula: 's·max(0, x)² + b',
  params: [
    {
      kind: 'number',
      name: 'scale',
      default: SCALE,
      symbol: 's',
      description: 'the factor s (MetaFormer: 1/√1.25 ≈ 0.8944)',
    },
    {
      kind: 'number',
      name: 'bias',
      default: BIAS,
      symbol: 'b',
      description: 'the offset b (MetaFormer: −0.5/√1.25 ≈ −0.4472)',
    },
  ],
  range: [-3, 3],
  derivativeConvention: "f' = 2s·max(0, x), continuous at 0",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { scale, bias }) => (x > 0 ? scaledSquarePlusBias(x, scale, bias) : bias),
  df: (x, { scale }) => (x > 0 ? (x === Infinity && scale === 0 ? 0 : 2 * scale * x) : 0),
});
