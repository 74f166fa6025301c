import { UsageError } from './errors.js';
import { formatDouble, readNumber } from './number-text.js';
import { LineSplitter } from './text-lines.js';

/** Longer than any number needs (a double's exact decimal expansion is under 1,100 characters). */
const MAX_LINE_LENGTH = 4096;

function quoted(text: string): string {
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/**
 * A number of `activ eval`'s input, in the one grammar (number-text.ts) with the specials, so
 * activ's own output can be fed back in; otherwise a UsageError naming `where`.
 */
export function parseNumberText(text: string, where: string): number {
  const value = readNumber(text, { specials: true });
  if (value === undefined) throw new UsageError(`${where} is not a number: ${quoted(text)}`);
  return value;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * One line's number. Number() alone is the fast path, but it also takes "0x10", " 3", "" and
 * "Infinity": a line it reads as a number is taken directly only when it starts with a digit,
 * sign or point, ends with a digit or point, and is not hex, octal or binary; the rest goes
 * through the full check.
 */
function parseLine(line: string, lineNumber: number): number | undefined {
  const v = Number(line);
  const n = line.length;
  if (v === v && n > 0) {
    const first = line.charCodeAt(0);
    const last = line.charCodeAt(n - 1);
    const second = n > 1 ? line.charCodeAt(1) | 0x20 : 0; // lower case
    if (
      (isDigit(first) || first === 45 || first === 43 || first === 46) &&
      (isDigit(last) || last === 46) &&
      second !== 120 &&
      second !== 98 &&
      second !== 111
    )
      return v;
  }
  if (line.trim() === '') return undefined;
  return parseNumberText(line, `line ${lineNumber} of standard input`);
}

/**
 * Numbers one a line from text arriving in chunks, handed on in batches. Blank lines are skipped
 * but counted, so an error names the line a user sees.
 */
export class NumberLineReader {
  private readonly lines = new LineSplitter(MAX_LINE_LENGTH, 'standard input');
  private readonly batch: Float64Array;
  private filled = 0;

  constructor(
    private readonly onBatch: (values: Float64Array) => void | Promise<void>,
    batchSize = 65_536,
  ) {
    this.batch = new Float64Array(batchSize);
  }

  /** Take a chunk of input; resolves when every full batch it completed has been handed on. */
  async push(chunk: Buffer | string): Promise<void> {
    const first = this.lines.nextLineNumber;
    await this.take(this.lines.push(chunk), first);
  }

  /** The input has ended: take its last line and hand on what is left. */
  async end(): Promise<void> {
    const first = this.lines.nextLineNumber;
    await this.take(this.lines.end(), first);
    await this.flush();
  }

  private async take(lines: readonly string[], firstLineNumber: number): Promise<void> {
    for (let i = 0; i < lines.length; i++) {
      const value = parseLine(lines[i]!, firstLineNumber + i);
      if (value === undefined) continue;
      this.batch[this.filled++] = value;
      if (this.filled === this.batch.length) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.filled === 0) return;
    const values = this.batch.subarray(0, this.filled);
    this.filled = 0;
    await this.onBatch(values);
  }
}

/** Every non-blank line of `text` as a number (whole text at once: tests and small inputs). */
export async function parseLines(text: string): Promise<Float64Array> {
  const parts: number[] = [];
  const reader = new NumberLineReader((values) => {
    for (const v of values) parts.push(v);
  });
  await reader.push(text);
  await reader.end();
  return Float64Array.from(parts);
}

/**
 * Bytes a line may take: formatDouble writes at most 25 characters (-0.0000012345678901234567,
 * or -2.2250738585072014e-308 at 24), then a newline; 32 leaves room. (Buffer.write would
 * silently cut a string too long for the room left, so the bound must hold.)
 */
const MAX_FORMATTED = 32;

/**
 * Numbers one a line, in formatDouble's form, into bytes. The bytes go into one buffer kept from
 * call to call rather than into a string: a slice of 65,536 results as one string is over a MB
 * that V8 keeps in its old generation until a full collection, and over ten million results
 * those strings held more memory than the numbers did. The bytes returned are valid until the
 * next call (write them, and wait for the write, first).
 */
export class NumberLineWriter {
  private buffer = Buffer.allocUnsafe(0);

  format(values: Float64Array): Buffer {
    if (this.buffer.length < values.length * MAX_FORMATTED)
      this.buffer = Buffer.allocUnsafe(values.length * MAX_FORMATTED);
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += this.buffer.write(formatDouble(values[i]!), at, 'latin1');
      this.buffer[at++] = 10;
    }
    return this.buffer.subarray(0, at);
  }
}
