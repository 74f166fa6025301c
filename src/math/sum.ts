/**
 * Neumaier's compensated sum, one term at a time: the softmax family divides by a sum over the
 * whole grid, and a plain loop over a million terms would lose the last digits the references
 * check. The running sum and its carry are a pair, updated in place, so a pass can keep several
 * (softmax.ts's dominantComplements); the total is sum + carry.
 */
export function addCompensated(pair: [number, number], v: number): void {
  const [sum] = pair;
  const t = sum + v;
  pair[1] += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
  pair[0] = t;
}
