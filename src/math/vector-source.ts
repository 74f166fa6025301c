import type { Steps } from '../yield-point.js';

/**
 * A vector that a function over the whole of it (the softmax family, sparsemax) reads in passes:
 * its largest entry first, then a sum over all of it, and so on. Read slice by slice rather than
 * held as one array, so a table of ten million grid points can make its grid again for each pass
 * instead of keeping it, and `activ eval` keeps its numbers once, as they came.
 */
export interface VectorSource {
  readonly length: number;
  /**
   * The entries in order, a slice at a time, each call a new pass from the start. A slice is
   * only valid until the next is asked for (sources reuse their buffers).
   */
  slices(): Iterable<Float64Array>;
}

/**
 * f or f' of a vector function, once its passes have read what they need: writes the outputs for
 * `x`, the entries from index `start` of the same vector, into `out`. Any slice, in any order,
 * as often as wanted.
 */
export type VectorFinish = (x: Float64Array, start: number, out: Float64Array) => void;

/** Entries a slice: a pass over ten million yields about 150 times (see yield-point.ts). */
export const SLICE = 65_536;

/** A vector held in memory, read in slices of it (no copies). */
export function arraySource(x: Float64Array): VectorSource {
  return {
    length: x.length,
    *slices() {
      for (let start = 0; start < x.length; start += SLICE) yield x.subarray(start, start + SLICE);
    },
  };
}

/**
 * One pass: `visit` each slice with the index of its first entry, yielding after each so a long
 * pass stays interruptible.
 */
export function* eachSlice(source: VectorSource, visit: (slice: Float64Array, start: number) => void): Steps {
  let start = 0;
  for (const slice of source.slices()) {
    visit(slice, start);
    start += slice.length;
    yield;
  }
}

/** `finish` over all of `x` into `out`, slice by slice (it may keep per-slice state small). */
export function finishArray(finish: VectorFinish, x: Float64Array, out: Float64Array): Float64Array {
  for (let start = 0; start < x.length; start += SLICE) {
    const end = Math.min(x.length, start + SLICE);
    finish(x.subarray(start, end), start, out.subarray(start, end));
  }
  return out;
}

/**
 * Numbers kept as they arrive, in slices of SLICE, for a vector function over all of them (`activ
 * eval softmax`): 8 bytes a number and nothing more, where a growing array would copy itself and
 * briefly hold one and a half times as much.
 */
export class HeldVector implements VectorSource {
  private readonly held: Float64Array[] = [];
  private filled = SLICE;
  length = 0;

  append(values: Float64Array): void {
    for (let i = 0; i < values.length;) {
      if (this.filled === SLICE) {
        this.held.push(new Float64Array(SLICE));
        this.filled = 0;
      }
      const take = Math.min(SLICE - this.filled, values.length - i);
      this.held.at(-1)!.set(values.subarray(i, i + take), this.filled);
      this.filled += take;
      i += take;
    }
    this.length += values.length;
  }

  *slices(): Iterable<Float64Array> {
    for (let k = 0; k < this.held.length; k++)
      yield k < this.held.length - 1 ? this.held[k]! : this.held[k]!.subarray(0, this.filled);
  }
}
