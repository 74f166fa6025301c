/**
 * The points of a curve that its pixels can show. When there are many more samples than pixel
 * columns, only the first, lowest, highest and last sample of each column are kept, right after
 * sampling (keepColumnExtremes), so a million samples cost about what a thousand do and no spike
 * or jump is lost. Then simplifyRun simplifies the line exactly as Matplotlib's Agg backend
 * does before it strokes it (PathSimplifier, path.simplify_threshold 1/9 px).
 */

export interface PixelPoint {
  x: number;
  y: number;
}

/** Matplotlib's rcParams['path.simplify_threshold'], in pixels. */
export const SIMPLIFY_THRESHOLD = 1 / 9;

/**
 * Collects a run of points (x non-decreasing, each with its pixel column) and keeps, for each
 * column, only its first, lowest, highest and last point, in their original order: what a line
 * through all of them would cover. It holds four points at a time, so a million samples never
 * become a million objects.
 */
export class ColumnReducer {
  private readonly kept: PixelPoint[] = [];
  private column = NaN;
  private count = 0;
  // first, lowest, highest and last point of the open column, as plain numbers (no allocation
  // per sample), with the sample index of the lowest and highest to restore their order
  private fx = 0;
  private fy = 0;
  private lowX = 0;
  private lowY = 0;
  private lowAt = 0;
  private highX = 0;
  private highY = 0;
  private highAt = 0;
  private lx = 0;
  private ly = 0;

  add(column: number, x: number, y: number): void {
    if (column !== this.column) {
      this.flush();
      this.column = column;
    }
    const index = this.count++;
    if (index === 0) {
      this.fx = this.lowX = this.highX = x;
      this.fy = this.lowY = this.highY = y;
      this.lowAt = this.highAt = 0;
    } else {
      if (y < this.lowY) {
        this.lowX = x;
        this.lowY = y;
        this.lowAt = index;
      }
      if (y > this.highY) {
        this.highX = x;
        this.highY = y;
        this.highAt = index;
      }
    }
    this.lx = x;
    this.ly = y;
  }

  /** The kept points so far, after closing the current column. */
  points(): PixelPoint[] {
    this.flush();
    return this.kept;
  }

  /** A gap at `x` (a non-finite value): no line is drawn across it. */
  gap(x: number): void {
    this.flush();
    this.kept.push({ x, y: NaN });
  }

  private flush(): void {
    if (this.count === 0) return;
    // The first (index 0), lowest, highest and last (index count − 1) in sample order, each
    // once. Compared by hand: this runs once per pixel column, mostly before V8 has optimised
    // it, and an array of candidates with a sort cost more than all the rest of the pass.
    const last = this.count - 1;
    this.kept.push({ x: this.fx, y: this.fy });
    const lowFirst = this.lowAt <= this.highAt;
    const firstAt = lowFirst ? this.lowAt : this.highAt;
    const secondAt = lowFirst ? this.highAt : this.lowAt;
    if (firstAt !== 0 && firstAt !== last)
      this.kept.push(lowFirst ? { x: this.lowX, y: this.lowY } : { x: this.highX, y: this.highY });
    if (secondAt !== 0 && secondAt !== last && secondAt !== firstAt)
      this.kept.push(lowFirst ? { x: this.highX, y: this.highY } : { x: this.lowX, y: this.lowY });
    if (last !== 0) this.kept.push({ x: this.lx, y: this.ly });
    this.count = 0;
    this.column = NaN;
  }
}

/**
 * The samples of one curve that can show in `columns` pixel columns across the view
 * [min, max]: the extremes of each column (see ColumnReducer), a non-finite value kept as a gap.
 * Samples may come a slice at a time (`add`), in order.
 */
export class ColumnExtremes {
  private readonly reducer = new ColumnReducer();
  private readonly min: number;
  private readonly scale: number;

  constructor(min: number, max: number, columns: number) {
    this.min = min / 2;
    // Halves: max − min overflows for a view like −1e308..1e308.
    this.scale = columns / (max / 2 - min / 2);
  }

  /** The pixel column of x (outside the view too: columns go on past both edges). */
  columnOf(x: number): number {
    return Math.floor((x / 2 - this.min) * this.scale);
  }

  /** About where `column` begins (columnOf has the last word). */
  xOfColumn(column: number): number {
    return 2 * (column / this.scale + this.min);
  }

  add(x: Float64Array, y: Float64Array): this {
    for (let i = 0; i < x.length; i++) {
      const yi = y[i]!;
      if (Number.isFinite(yi)) this.reducer.add(this.columnOf(x[i]!), x[i]!, yi);
      else this.reducer.gap(x[i]!);
    }
    return this;
  }

  result(): { x: Float64Array; y: Float64Array } {
    const kept = this.reducer.points();
    return { x: Float64Array.from(kept, (p) => p.x), y: Float64Array.from(kept, (p) => p.y) };
  }
}

/** ColumnExtremes of whole arrays. */
export function keepColumnExtremes(
  x: Float64Array,
  y: Float64Array,
  min: number,
  max: number,
  columns: number,
): { x: Float64Array; y: Float64Array } {
  return new ColumnExtremes(min, max, columns).add(x, y).result();
}

/**
 * Matplotlib's PathSimplifier (src/path_converters.h), which Agg applies to every line of 128
 * vertices or more: consecutive segments are merged while each new point stays within 1/9 px
 * (path.simplify_threshold) of the direction of the first segment of the run, and the furthest
 * point forward (and backward, if the line turned back) is kept. Written out rather than
 * Douglas–Peucker (simplify-js): the two keep different vertices, up to 1/9 px apart, and on a
 * thin, nearly flat curve that moves which pixels are solid. One run of finite points is one
 * subpath (PathNanRemover starts a new one at every gap).
 */
export function simplifyRun(points: readonly PixelPoint[], simplify = true): PixelPoint[] {
  if (!simplify || points.length < 3) return [...points];
  const threshold2 = SIMPLIFY_THRESHOLD * SIMPLIFY_THRESHOLD;
  const out: PixelPoint[] = [{ x: points[0]!.x, y: points[0]!.y }];
  let [lastX, lastY] = [points[0]!.x, points[0]!.y];
  let [origDx, origDy, origNorm2] = [0, 0, 0];
  let [forwardMax, backwardMax] = [0, 0];
  let [lastForwardMax, lastBackwardMax] = [false, false];
  let [nextX, nextY, nextBackX, nextBackY] = [0, 0, 0, 0];
  let [startX, startY] = [0, 0];

  for (let i = 1; i < points.length; i++) {
    const { x, y } = points[i]!;
    if (origNorm2 === 0) {
      // No vector yet: this segment is the one the run is built along.
      origDx = x - lastX;
      origDy = y - lastY;
      origNorm2 = origDx * origDx + origDy * origDy;
      forwardMax = origNorm2;
      backwardMax = 0;
      lastForwardMax = true;
      lastBackwardMax = false;
      [startX, startY] = [lastX, lastY];
      [nextX, nextY, lastX, lastY] = [x, y, x, y];
      continue;
    }
    // The perpendicular part of (point − run start) against the run's direction.
    const totDx = x - startX;
    const totDy = y - startY;
    const totDot = origDx * totDx + origDy * totDy;
    const paraDx = (totDot * origDx) / origNorm2;
    const paraDy = (totDot * origDy) / origNorm2;
    const perpDx = totDx - paraDx;
    const perpDy = totDy - paraDy;
    if (perpDx * perpDx + perpDy * perpDy < threshold2) {
      const paraNorm2 = paraDx * paraDx + paraDy * paraDy;
      lastForwardMax = false;
      lastBackwardMax = false;
      if (totDot > 0) {
        if (paraNorm2 > forwardMax) {
          lastForwardMax = true;
          forwardMax = paraNorm2;
          [nextX, nextY] = [x, y];
        }
      } else if (paraNorm2 > backwardMax) {
        lastBackwardMax = true;
        backwardMax = paraNorm2;
        [nextBackX, nextBackY] = [x, y];
      }
      [lastX, lastY] = [x, y];
      continue;
    }
    // _push: emit the run, then start the next one from this point.
    if (backwardMax > 0) {
      if (lastForwardMax) out.push({ x: nextBackX, y: nextBackY }, { x: nextX, y: nextY });
      else out.push({ x: nextX, y: nextY }, { x: nextBackX, y: nextBackY });
    } else {
      out.push({ x: nextX, y: nextY });
    }
    if (!lastForwardMax && !lastBackwardMax) out.push({ x: lastX, y: lastY });
    origDx = x - lastX;
    origDy = y - lastY;
    origNorm2 = origDx * origDx + origDy * origDy;
    forwardMax = origNorm2;
    lastForwardMax = true;
    const queued = out[out.length - 1]!;
    [startX, startY] = [queued.x, queued.y];
    [lastX, lastY, nextX, nextY] = [x, y, x, y];
    backwardMax = 0;
    lastBackwardMax = false;
  }
  // The end of the path: the run's furthest points, then the last point.
  if (origNorm2 !== 0) {
    out.push({ x: nextX, y: nextY });
    if (backwardMax > 0) out.push({ x: nextBackX, y: nextBackY });
  }
  out.push({ x: lastX, y: lastY });
  return out;
}
