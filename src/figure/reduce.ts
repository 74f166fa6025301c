/**
 * The points of a curve that its pixels can show. Matplotlib's Agg backend simplifies every line
 * it draws, dropping vertices that lie within 1/9 px of the path (path.simplify_threshold); this
 * does the same with simplify-js (Douglas–Peucker), after first keeping only the first, lowest,
 * highest and last point of each pixel column when there are many more samples than columns, so a
 * million samples cost about what a thousand do and no spike or jump is lost.
 */
import simplify from 'simplify-js';

export interface PixelPoint {
  x: number;
  y: number;
}

/** Matplotlib's rcParams['path.simplify_threshold'], in pixels. */
export const SIMPLIFY_THRESHOLD = 1 / 9;

/** First, min, max and last of each pixel column, in their original order. */
function perColumn(points: readonly PixelPoint[]): PixelPoint[] {
  const out: PixelPoint[] = [];
  let i = 0;
  while (i < points.length) {
    const column = Math.floor(points[i]!.x);
    let j = i;
    let lo = i;
    let hi = i;
    while (j + 1 < points.length && Math.floor(points[j + 1]!.x) === column) {
      j++;
      if (points[j]!.y < points[lo]!.y) lo = j;
      if (points[j]!.y > points[hi]!.y) hi = j;
    }
    for (const k of [...new Set([i, lo, hi, j])].sort((a, b) => a - b)) out.push(points[k]!);
    i = j + 1;
  }
  return out;
}

/**
 * Reduce one unbroken run of points (pixel coordinates, x non-decreasing) to what can be seen.
 * `columns` is the width of the plot area in pixels.
 */
export function reduceRun(points: PixelPoint[], columns: number): PixelPoint[] {
  const bucketed = points.length > 4 * columns ? perColumn(points) : points;
  return bucketed.length > 2 ? simplify(bucketed, SIMPLIFY_THRESHOLD, true) : bucketed;
}
