import { quotientWithError, scaledExp } from '../math/double-double.js';
import { defineActivation } from './activation.js';

/** α·expm1(x/α) for x ≤ 0, the part of CELU below 0 (for α < 0 it is also the part taken). */
function celuNegative(x: number, alpha: number): number {
  const [q, ql] = quotientWithError(x, alpha);
  if (Math.abs(q) < 1) {
    // Written as x·(expm1(q)/q) so the result scales with x itself: α·expm1(q) would lose x's
    // digits when α is huge and x/α underflows to a subnormal or to 0.
    return q === 0 ? x : x * (Math.expm1(q) / q);
  }
  // q > 709 only happens for α < 0: e^q overflows while α·e^q may not (α = −0.5, x = −355).
  if (q > 709) return scaledExp(alpha, q, ql);
  // expm1(q + ql) = expm1(q) + e^q·ql: folds in the rounding of x/α, which e^q would magnify.
  return alpha * (Math.expm1(q) + Math.exp(q) * ql);
}

export const celu = defineActivation<{ alpha: number }>({
  name: 'celu',
  label: 'CELU',
  description:
    'Continuously differentiable ELU: like ELU, but scaled so its slope is 1 on both sides of 0 for every α',
  formula: 'max(0, x) + min(0, α·(e^(x/α) − 1))',
  params: [
    {
      kind: 'number',
      name: 'alpha',
      default: 1,
      symbol: 'α',
      description: 'value approached as x → −∞ is −α; must not be 0',
    },
  ],
  range: [-5, 5],
  check: ({ alpha }) => (alpha === 0 ? 'alpha must not be 0 (CELU divides by it)' : undefined),
  derivativeConvention: "f' = 1 for x > 0, e^(x/α) for x ≤ 0 (continuous at 0), as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { alpha }) => (x > 0 ? x : celuNegative(x, alpha)),
  df: (x, { alpha }) => {
    if (x > 0) return 1;
    const [q, ql] = quotientWithError(x, alpha);
    return scaledExp(1, q, ql);
  },
});
