// IEEE 754 neighbours of a double. JavaScript has no Math.nextafter, and the sampler needs the
// exact left and right limits at a jump, so we step the bit pattern by one.
const view = new DataView(new ArrayBuffer(8));

/** The smallest double greater than x (x itself for +Infinity and NaN). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The largest double less than x (x itself for -Infinity and NaN). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
