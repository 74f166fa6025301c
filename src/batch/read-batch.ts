import { UsageError } from '../errors.js';
import { LineSplitter } from '../text-lines.js';
import type { Job, Outcome } from './render-job.js';
import { splitLine } from './split-line.js';

/** Far longer than any plot's arguments; a longer line is not a batch file (or is /dev/zero). */
const MAX_LINE_LENGTH = 65_536;
/** About 8 minutes of figures at 5 ms each; more is a job for several batches. */
export const MAX_BATCH_LINES = 100_000;

/**
 * The plot lines of a batch, read as it arrives: non-empty, not comments, split into words. Bad
 * lines become outcomes. A line too long or too many lines end the reading with a UsageError.
 */
export async function readBatch(
  input: AsyncIterable<Buffer | string>,
  source: string,
): Promise<{ jobs: Job[]; rejected: Outcome[] }> {
  const jobs: Job[] = [];
  const rejected: Outcome[] = [];
  const splitter = new LineSplitter(MAX_LINE_LENGTH, source);
  const take = (lines: readonly string[], first: number) => {
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      if (jobs.length + rejected.length >= MAX_BATCH_LINES) {
        throw new UsageError(
          `${source} has more than ${MAX_BATCH_LINES.toLocaleString('en-US')} figures; split it into several batches`,
        );
      }
      try {
        jobs.push({ line: first + i, args: splitLine(line) });
      } catch (error) {
        rejected.push({ line: first + i, exitCode: 2, message: (error as Error).message });
      }
    });
  };
  for await (const chunk of input) {
    const first = splitter.nextLineNumber;
    take(splitter.push(chunk), first);
  }
  const first = splitter.nextLineNumber;
  take(splitter.end(), first);
  return { jobs, rejected };
}
