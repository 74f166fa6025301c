/**
 * Where an expression stops being smooth inside a range, found to the last double: its kinks
 * (abs, min, max, a catalog function's kinks) and jumps (sign, floor, ceil, comparisons, a
 * catalog function's jumps), so that a figure samples them exactly and draws a corner sharp and a
 * jump vertical at any --samples, as it does for the catalog's own functions.
 *
 * Each switch the compiler recorded is a quantity h whose sign change (or crossing of a whole
 * number, for floor and ceil) is the place. h is sampled on a fine grid over the range; between
 * two grid points where its side differs there is a crossing, and where its side is the same but
 * h' changes sign, h turns in between and may have crossed twice, so the turn is found first and
 * each half looked at. Every crossing is then bisected to two neighbouring doubles, all of them
 * at once (one run of the tape per halving), and the one where h is nearer its level is kept.
 */
import { UsageError } from '../errors.js';
import type { ExpressionTape, Switch } from './compile.js';
import { read } from './tape.js';

/** Grid points h is sampled at before bisecting. */
const SCAN_POINTS = 4097;
/** More kinks and jumps than any figure can show; floor(1e6*x) over a wide range has millions. */
export const MAX_BREAKPOINTS = 100_000;
/** Crossings times steps of the tape: about a second of bisection at most. */
const MAX_BISECTION_WORK = 5_000_000;

export interface Breakpoints {
  readonly kinks: readonly number[];
  readonly jumps: readonly number[];
}

/** A bracket: h (or h', when `slope`) is on one side at lo and on the other at hi. */
interface Bracket {
  readonly switchIndex: number;
  /** The whole number crossed (floor and ceil), else 0. */
  readonly level: number;
  /** Bisecting h' (to find where h turns) rather than h. */
  readonly slope: boolean;
  lo: number;
  hi: number;
  /** h (or h') at lo and hi. */
  atLo: number;
  atHi: number;
  /** For a turn: h and x at the ends of the scan interval it lies in, to look at both halves. */
  readonly outer?: { readonly x0: number; readonly h0: number; readonly x1: number; readonly h1: number };
}

/** Whether h is on the upper side of `level` for this switch (NaN is never). */
function above(s: Switch, h: number, level: number): boolean {
  return s.levels === 'floor' ? h >= level : h > level;
}

/** The whole numbers a floor (or ceil) of h passes between h0 and h1, or [0] for a sign switch. */
function levelsBetween(s: Switch, h0: number, h1: number): number[] | undefined {
  if (s.levels === 'sign') return above(s, h0, 0) !== above(s, h1, 0) ? [0] : [];
  if (!Number.isFinite(h0) || !Number.isFinite(h1)) return [];
  const low = Math.min(h0, h1);
  const high = Math.max(h0, h1);
  // floor jumps at h = n (n in (low, high]); ceil just after it (n in [low, high)).
  const first = s.levels === 'floor' ? Math.floor(low) + 1 : Math.ceil(low);
  const last = s.levels === 'floor' ? Math.floor(high) : Math.ceil(high) - 1;
  if (last - first + 1 > MAX_BREAKPOINTS) return undefined;
  const levels: number[] = [];
  for (let n = first; n <= last; n++) levels.push(n);
  return levels;
}

const bits = new DataView(new ArrayBuffer(8));
const TWO32 = 2 ** 32;

/** The double halfway between 0 ≤ a < b in the order of their bit patterns (so ≤ 64 halvings). */
function bitMidpoint(a: number, b: number): number {
  bits.setFloat64(0, a);
  const aHigh = bits.getUint32(0);
  const aLow = bits.getUint32(4);
  bits.setFloat64(0, b);
  let high = aHigh + bits.getUint32(0);
  let low = aLow + bits.getUint32(4);
  if (high % 2 === 1) low += TWO32;
  high = Math.floor(high / 2);
  low = Math.floor(low / 2);
  if (low >= TWO32) {
    high += 1;
    low -= TWO32;
  }
  bits.setUint32(0, high);
  bits.setUint32(4, low);
  return bits.getFloat64(0);
}

/** A double strictly between lo < hi, or lo or hi itself when they are neighbours. */
export function midpoint(lo: number, hi: number): number {
  if (lo < 0 && hi > 0) return 0;
  // + 0 turns −0 into 0, whose bit pattern is the bottom of the positive order.
  if (lo >= 0) return bitMidpoint(lo + 0, hi);
  return -bitMidpoint(-hi + 0, -lo);
}

function hAt(s: Switch, i: number): number {
  return read(s.a, i) - read(s.b, i);
}

function slopeAt(s: Switch, i: number): number {
  return read(s.da, i) - read(s.db, i);
}

/**
 * The kinks and jumps of the tape's expression strictly inside from..to. The tape must compute
 * derivatives (its switches' h' guide the search). `what` names the expression in an error.
 */
export function findBreakpoints(tape: ExpressionTape, from: number, to: number, what: string): Breakpoints {
  const switches = tape.extra.switches;
  if (switches.length === 0) return { kinks: [], jumps: [] };
  const tooMany = () =>
    new UsageError(
      `${what} has more than ${MAX_BREAKPOINTS.toLocaleString('en-US')} kinks and jumps between ` +
        `${from} and ${to}; plot a narrower range`,
    );

  const last = SCAN_POINTS - 1;
  const step = (to - from) / last;
  const grid = Float64Array.from({ length: SCAN_POINTS }, (_, i) =>
    i === last ? to : Number.isFinite(step) ? from + i * step : from * (1 - i / last) + to * (i / last),
  );

  const brackets: Bracket[] = [];
  const add = (bracket: Bracket) => {
    if (brackets.length >= MAX_BREAKPOINTS) throw tooMany();
    brackets.push(bracket);
  };
  const crossings = (switchIndex: number, x0: number, h0: number, x1: number, h1: number) => {
    const s = switches[switchIndex]!;
    const levels = levelsBetween(s, h0, h1);
    if (levels === undefined) throw tooMany();
    for (const level of levels) add({ switchIndex, level, slope: false, lo: x0, hi: x1, atLo: h0, atHi: h1 });
  };

  // Sample every switch's h and h' on the grid; compare each point with the one before.
  const previous = switches.map(() => ({ x: NaN, h: NaN, slope: NaN }));
  tape.run(grid, (start, n) => {
    switches.forEach((s, k) => {
      const before = previous[k]!;
      for (let i = 0; i < n; i++) {
        const x = grid[start + i]!;
        const h = hAt(s, i);
        const slope = slopeAt(s, i);
        if (start + i > 0) {
          const levels = levelsBetween(s, before.h, h);
          if (levels === undefined) throw tooMany();
          if (levels.length > 0) crossings(k, before.x, before.h, x, h);
          // Same side at both ends, but h turns in between: it may have crossed and come back.
          else if (before.slope * slope < 0)
            add({
              switchIndex: k,
              level: 0,
              slope: true,
              lo: before.x,
              hi: x,
              atLo: before.slope,
              atHi: slope,
              outer: { x0: before.x, h0: before.h, x1: x, h1: h },
            });
        }
        before.x = x;
        before.h = h;
        before.slope = slope;
      }
    });
  });

  // Turns first: each becomes up to two crossings, one on either side of it.
  const turns = brackets.filter((b) => b.slope);
  bisect(tape, turns);
  const found = brackets.filter((b) => !b.slope);
  brackets.length = 0;
  for (const b of found) brackets.push(b);
  // h at every turn, in one run of the tape.
  const at = Float64Array.from(turns, (t) => (Math.abs(t.atLo) <= Math.abs(t.atHi) ? t.lo : t.hi));
  const hAtTurn = new Float64Array(turns.length);
  tape.run(at, (start, n) => {
    for (let i = 0; i < n; i++) hAtTurn[start + i] = hAt(switches[turns[start + i]!.switchIndex]!, i);
  });
  turns.forEach((turn, k) => {
    const { x0, h0, x1, h1 } = turn.outer!;
    if (at[k]! > x0) crossings(turn.switchIndex, x0, h0, at[k]!, hAtTurn[k]!);
    if (at[k]! < x1) crossings(turn.switchIndex, at[k]!, hAtTurn[k]!, x1, h1);
  });
  // Each round runs the whole tape over every bracket: a long expression with very many
  // crossings would take minutes, and nobody could stop it.
  if (brackets.length * tape.steps.length > MAX_BISECTION_WORK)
    throw new UsageError(
      `${what} has too many kinks and jumps between ${from} and ${to} (${brackets.length.toLocaleString('en-US')}) ` +
        'for an expression this long; plot a narrower range',
    );
  bisect(tape, brackets);

  const kinks = new Set<number>();
  const jumps = new Set<number>();
  for (const b of brackets) {
    const s = switches[b.switchIndex]!;
    const point = Math.abs(b.atLo - b.level) <= Math.abs(b.atHi - b.level) ? b.lo : b.hi;
    if (!(point > from && point < to)) continue;
    (s.kind === 'kink' ? kinks : jumps).add(point);
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { kinks: sorted(kinks), jumps: sorted(jumps) };
}

/**
 * Halve every bracket until its ends are neighbouring doubles, all together: one run of the tape
 * over all the midpoints per round.
 */
function bisect(tape: ExpressionTape, brackets: Bracket[]): void {
  const switches = tape.extra.switches;
  let active = brackets.filter((b) => midpoint(b.lo, b.hi) !== b.lo && midpoint(b.lo, b.hi) !== b.hi);
  while (active.length > 0) {
    const mids = Float64Array.from(active, (b) => midpoint(b.lo, b.hi));
    tape.run(mids, (start, n) => {
      for (let i = 0; i < n; i++) {
        const b = active[start + i]!;
        const s = switches[b.switchIndex]!;
        const value = b.slope ? slopeAt(s, i) : hAt(s, i);
        const sameSide = b.slope
          ? value > 0 === b.atLo > 0
          : above(s, value, b.level) === above(s, b.atLo, b.level);
        if (sameSide) {
          b.lo = mids[start + i]!;
          b.atLo = value;
        } else {
          b.hi = mids[start + i]!;
          b.atHi = value;
        }
      }
    });
    active = active.filter((b) => {
      const m = midpoint(b.lo, b.hi);
      return m !== b.lo && m !== b.hi;
    });
  }
}
