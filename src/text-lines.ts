import { StringDecoder } from 'node:string_decoder';
import { UsageError } from './errors.js';

/**
 * Text arriving in chunks (standard input, a batch file), cut into lines. A line longer than
 * `maxLength` is an error as soon as it is seen, so `activ eval elu < /dev/zero`, one endless
 * line, stops at once instead of filling memory.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** Lines handed out so far: the next line's number, less one. */
  private count = 0;

  constructor(
    private readonly maxLength: number,
    /** Where the lines come from, for messages: "standard input", "'figures.txt'". */
    private readonly source: string,
  ) {}

  /** The number of the first line the next `push` or `end` returns. */
  get nextLineNumber(): number {
    return this.count + 1;
  }

  /** The lines this chunk completes (without their newlines). */
  push(chunk: Buffer | string): string[] {
    const lines = (this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk))).split(
      '\n',
    );
    this.partial = lines.pop()!;
    for (let i = 0; i < lines.length; i++)
      if (lines[i]!.length > this.maxLength) this.tooLong(this.count + i + 1);
    if (this.partial.length > this.maxLength) this.tooLong(this.count + lines.length + 1);
    this.count += lines.length;
    return lines;
  }

  /** The input has ended: its last line, if it did not end with a newline. */
  end(): string[] {
    const last = this.partial + this.decoder.end();
    this.partial = '';
    if (last === '') return [];
    if (last.length > this.maxLength) this.tooLong(this.count + 1);
    this.count++;
    return [last];
  }

  private tooLong(line: number): never {
    throw new UsageError(`line ${line} of ${this.source} is longer than ${this.maxLength} characters`);
  }
}
