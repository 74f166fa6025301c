/**
 * The compiled form of an expression: a list of steps, each a loop over one chunk of samples that
 * writes one buffer from buffers written before it. Running the tape over x runs every step on
 * each chunk in turn, so the work is a few tight loops over Float64Arrays per chunk, the buffers
 * stay in the processor's cache, and nothing is interpreted per sample. Values that do not
 * depend on x are folded into constants while the tape is built.
 *
 * Each arithmetic loop is its own function literal rather than one loop calling an operator
 * passed in: V8 shares type feedback between closures of one literal, and a call through a
 * variable that sees every operator would not be inlined.
 */

/** A value on the tape: a number for every sample, or a buffer of one per sample of the chunk. */
export type Operand =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'buffer'; readonly buffer: Float64Array }
  /**
   * The derivative of something that does not depend on x: exactly zero, so a product with it is
   * zero even where the other factor is infinite or NaN (d/dx of 2·x is 2 at x = ∞, not NaN).
   */
  | { readonly kind: 'zero' };

export type Step = (n: number) => void;

export const ZERO: Operand = { kind: 'zero' };

export function constant(value: number): Operand {
  return { kind: 'constant', value };
}

/** The number an operand holds at sample i of the current chunk. */
export function read(operand: Operand, i: number): number {
  return operand.kind === 'buffer' ? operand.buffer[i]! : operand.kind === 'constant' ? operand.value : 0;
}

export function isConstant(
  operand: Operand,
): operand is { kind: 'constant'; value: number } | { kind: 'zero' } {
  return operand.kind !== 'buffer';
}

function valueOf(operand: Operand): number {
  return operand.kind === 'constant' ? operand.value : 0;
}

/** Builds a tape: its buffers, and the steps in the order they must run. */
export class TapeBuilder {
  readonly input: Float64Array;
  readonly steps: Step[] = [];
  readonly x: Operand;

  constructor(readonly chunk: number) {
    this.input = new Float64Array(chunk);
    this.x = { kind: 'buffer', buffer: this.input };
  }

  buffer(): Float64Array {
    return new Float64Array(this.chunk);
  }

  /** A step that fills a new buffer, as an operand. */
  emit(make: (out: Float64Array) => Step): Operand {
    const out = this.buffer();
    this.steps.push(make(out));
    return { kind: 'buffer', buffer: out };
  }

  add(a: Operand, b: Operand): Operand {
    if (a.kind !== 'buffer' && b.kind !== 'buffer') return constant(valueOf(a) + valueOf(b));
    if (a.kind === 'buffer' && b.kind === 'buffer') return this.emit((o) => addBB(o, a.buffer, b.buffer));
    if (a.kind === 'buffer') return this.emit((o) => addBC(o, a.buffer, valueOf(b)));
    return this.emit((o) => addBC(o, (b as { buffer: Float64Array }).buffer, valueOf(a)));
  }

  subtract(a: Operand, b: Operand): Operand {
    if (a.kind !== 'buffer' && b.kind !== 'buffer') return constant(valueOf(a) - valueOf(b));
    if (a.kind === 'buffer' && b.kind === 'buffer') return this.emit((o) => subBB(o, a.buffer, b.buffer));
    if (a.kind === 'buffer') return this.emit((o) => subBC(o, a.buffer, valueOf(b)));
    return this.emit((o) => subCB(o, valueOf(a), (b as { buffer: Float64Array }).buffer));
  }

  multiply(a: Operand, b: Operand): Operand {
    if (a.kind !== 'buffer' && b.kind !== 'buffer') return constant(valueOf(a) * valueOf(b));
    if (a.kind === 'buffer' && b.kind === 'buffer') return this.emit((o) => mulBB(o, a.buffer, b.buffer));
    const [buffer, factor] =
      a.kind === 'buffer' ? [a.buffer, valueOf(b)] : [(b as { buffer: Float64Array }).buffer, valueOf(a)];
    // 1·v is v for every double, NaN and ±∞ included: no step needed.
    if (factor === 1) return { kind: 'buffer', buffer };
    return this.emit((o) => mulBC(o, buffer, factor));
  }

  divide(a: Operand, b: Operand): Operand {
    if (a.kind !== 'buffer' && b.kind !== 'buffer') return constant(valueOf(a) / valueOf(b));
    if (a.kind === 'buffer' && b.kind === 'buffer') return this.emit((o) => divBB(o, a.buffer, b.buffer));
    if (a.kind === 'buffer') return this.emit((o) => divBC(o, a.buffer, valueOf(b)));
    return this.emit((o) => divCB(o, valueOf(a), (b as { buffer: Float64Array }).buffer));
  }

  power(a: Operand, b: Operand): Operand {
    if (a.kind !== 'buffer' && b.kind !== 'buffer') return constant(valueOf(a) ** valueOf(b));
    if (a.kind === 'buffer' && b.kind === 'buffer') return this.emit((o) => powBB(o, a.buffer, b.buffer));
    if (a.kind === 'buffer') {
      const exponent = valueOf(b);
      // x² as x·x: exact to the rounding of one product, and Math.pow is not always that.
      if (exponent === 2) return this.emit((o) => mulBB(o, a.buffer, a.buffer));
      if (exponent === 1) return a;
      return this.emit((o) => powBC(o, a.buffer, exponent));
    }
    return this.emit((o) => powCB(o, valueOf(a), (b as { buffer: Float64Array }).buffer));
  }

  negate(a: Operand): Operand {
    if (a.kind === 'zero') return ZERO;
    if (a.kind === 'constant') return constant(-a.value);
    return this.emit((o) => negB(o, a.buffer));
  }

  /** fn applied to each sample (folded when a is constant). */
  map(a: Operand, fn: (v: number) => number): Operand {
    if (a.kind !== 'buffer') return constant(fn(valueOf(a)));
    return this.emit((o) => mapB(o, a.buffer, fn));
  }

  // Derivative arithmetic: the same, with ZERO absorbing products and vanishing from sums.

  dAdd(a: Operand, b: Operand): Operand {
    if (a.kind === 'zero') return b;
    if (b.kind === 'zero') return a;
    return this.add(a, b);
  }

  dSubtract(a: Operand, b: Operand): Operand {
    if (b.kind === 'zero') return a;
    if (a.kind === 'zero') return this.negate(b);
    return this.subtract(a, b);
  }

  dMultiply(a: Operand, b: Operand): Operand {
    if (a.kind === 'zero' || b.kind === 'zero') return ZERO;
    return this.multiply(a, b);
  }

  dDivide(a: Operand, b: Operand): Operand {
    if (a.kind === 'zero') return ZERO;
    return this.divide(a, b);
  }
}

/** The operand's values for samples 0..n−1 into out[start..start+n). */
export function copyOperand(operand: Operand, out: Float64Array, start: number, n: number): void {
  if (operand.kind === 'buffer') out.set(operand.buffer.subarray(0, n), start);
  else out.fill(valueOf(operand), start, start + n);
}

/** A tape ready to run: its steps, where x goes in, and what comes out. */
export class Tape<Extra = unknown> {
  constructor(
    readonly chunk: number,
    readonly input: Float64Array,
    readonly steps: readonly Step[],
    readonly value: Operand,
    readonly derivative: Operand | undefined,
    readonly extra: Extra,
  ) {}

  /** Run every step over x, a chunk at a time; `visit` reads the chunk's operands after each. */
  run(x: Float64Array, visit: (start: number, n: number) => void): void {
    for (let start = 0; start < x.length; start += this.chunk) {
      const n = Math.min(this.chunk, x.length - start);
      this.input.set(x.subarray(start, start + n));
      for (const step of this.steps) step(n);
      visit(start, n);
    }
  }

  /**
   * f (or f') over x into out. NaN in gives NaN out, as for every catalog entry (README, "NaN,
   * infinities and signed zeros"): a comparison would otherwise turn NaN into 0 or 1. And f' is
   * NaN wherever f is: the chain rule alone would give log(x)' = 1/x where log(x) is undefined.
   */
  evaluate(x: Float64Array, quantity: 'value' | 'derivative', out: Float64Array): Float64Array {
    const { value } = this;
    if (quantity === 'value') this.run(x, (start, n) => copyOperand(value, out, start, n));
    else
      this.run(x, (start, n) => {
        copyOperand(this.derivative!, out, start, n);
        for (let i = 0; i < n; i++) {
          const v = read(value, i);
          if (v !== v) out[start + i] = NaN;
        }
      });
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (v !== v) out[i] = v;
    }
    return out;
  }
}

// The loops. o: out, a and b: operands' buffers, c: a constant.

function addBB(o: Float64Array, a: Float64Array, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! + b[i]!;
  };
}
function addBC(o: Float64Array, a: Float64Array, c: number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! + c;
  };
}
function subBB(o: Float64Array, a: Float64Array, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! - b[i]!;
  };
}
function subBC(o: Float64Array, a: Float64Array, c: number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! - c;
  };
}
function subCB(o: Float64Array, c: number, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = c - b[i]!;
  };
}
function mulBB(o: Float64Array, a: Float64Array, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! * b[i]!;
  };
}
function mulBC(o: Float64Array, a: Float64Array, c: number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! * c;
  };
}
function divBB(o: Float64Array, a: Float64Array, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! / b[i]!;
  };
}
function divBC(o: Float64Array, a: Float64Array, c: number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! / c;
  };
}
function divCB(o: Float64Array, c: number, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = c / b[i]!;
  };
}
function powBB(o: Float64Array, a: Float64Array, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! ** b[i]!;
  };
}
function powBC(o: Float64Array, a: Float64Array, c: number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = a[i]! ** c;
  };
}
function powCB(o: Float64Array, c: number, b: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = c ** b[i]!;
  };
}
function negB(o: Float64Array, a: Float64Array): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = -a[i]!;
  };
}
function mapB(o: Float64Array, a: Float64Array, fn: (v: number) => number): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = fn(a[i]!);
  };
}
