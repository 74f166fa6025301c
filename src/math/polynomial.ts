/** c₀ + c₁x + c₂x² + … by Horner's rule. */
export function horner(x: number, coeffs: readonly number[]): number {
  let s = 0;
  for (let i = coeffs.length - 1; i >= 0; i--) s = s * x + coeffs[i]!;
  return s;
}

/**
 * g(r + d) near a simple root r of a smooth g, from its Taylor coefficients there
 * (coeffs[k] = g⁽ᵏ⁺¹⁾(r)/(k+1)!, made with mpmath). Next to a root the textbook formula for g is a
 * difference of two nearly equal terms, so it keeps only absolute precision (~1e-17) while the
 * value itself goes to 0; the series is a product d·(c₁ + c₂d + …) and keeps full relative
 * precision, as long as d = x − r is formed exactly (r as rootHi + rootLo, and x − rootHi is exact
 * near the root).
 */
export function seriesAtRoot(d: number, coeffs: readonly number[]): number {
  return d * horner(d, coeffs);
}
