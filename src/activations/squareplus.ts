import { defineActivation } from './activation.js';

/**
 * √(x² + b) without overflow or underflow of x²: for |x| ≥ 2^500 or b ≥ 2^1000 (x² or the sum
 * would overflow while the root is finite) x is scaled by 2^−600 and b by 2^−1200 first, and for
 * tiny x and b (x² would underflow, and with b = 0 the root is |x|) by 2^600 and 2^1200 — exact
 * powers of two either way.
 */
function root(x: number, b: number): number {
  const ax = Math.abs(x);
  if (ax >= 2 ** 500 || b >= 2 ** 1000) {
    const xs = x * 2 ** -600;
    return Math.sqrt(xs * xs + b * 2 ** -600 * 2 ** -600) * 2 ** 600; // 2^±1200 is not a double: two steps
  }
  if (ax < 2 ** -500 && b < 2 ** -1000) {
    const xs = x * 2 ** 600;
    return Math.sqrt(xs * xs + b * 2 ** 600 * 2 ** 600) * 2 ** -600;
  }
  return Math.sqrt(x * x + b);
}

/** √(x² + b) − x for x < 0, i.e. r + |x|, halved first where the sum would overflow. */
function gap(r: number, x: number): [number, number] {
  const g = r - x;
  return Number.isFinite(g) ? [g, 1] : [r / 2 - x / 2, 2];
}

export const squareplus = defineActivation<{ b: number }>({
  name: 'squareplus',
  label: 'Squareplus',
  description: 'A softplus-like smooth ReLU from a square root instead of exp and log (Barron, 2021)',
  formula: '(x + √(x² + b)) / 2',
  params: [
    {
      kind: 'number',
      name: 'b',
      default: 4,
      symbol: 'b',
      description: 'curvature at 0; b = 0 gives ReLU',
      min: 0,
    },
  ],
  range: [-5, 5],
  kinks: ({ b }) => (b === 0 ? [0] : []),
  derivativeConvention: "with b = 0, f'(0) = 1/2 (0/0 in the formula): the value for every b > 0",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { b }) => {
    const r = root(x, b);
    if (x >= 0) {
      const s = x + r;
      return Number.isFinite(s) ? s / 2 : x / 2 + r / 2;
    }
    // x + r cancels for x → −∞; (x + r)(r − x) = b gives it without a subtraction.
    const [g, scale] = gap(r, x);
    return b / g / scale / 2;
  },
  df: (x, { b }) => {
    const r = root(x, b);
    if (r === 0) return 0.5; // x = 0 and b = 0
    if (x === Infinity) return 1; // the limit; x/r would be ∞/∞
    if (x >= 0) return (1 + x / r) / 2;
    // 1 + x/r = (r + x)/r = b/(r(r − x)). Where r(r − x) over- or underflows, divide in two
    // steps instead (in that order, b/r stays normal whenever the result is).
    const [g, scale] = gap(r, x);
    const d = r * g;
    return (d >= 2 ** -1022 && d < Infinity ? b / d : b / r / g) / scale / 2;
  },
});
