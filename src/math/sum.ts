/**
 * Neumaier's compensated sum: the softmax family divides by a sum over the whole grid, and a
 * plain loop over a million terms would lose the last digits the references check.
 */
export function compensatedSum(values: ArrayLike<number>, skip = -1): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === skip) continue;
    const v = values[i]!;
    const t = sum + v;
    carry += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + carry;
}
