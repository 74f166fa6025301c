import { splitLine } from './split-line.js';
import type { Job, Outcome } from './render-job.js';

/** The plot lines of a batch file: non-empty, not comments, split into words. Bad lines become outcomes. */
export function readBatch(text: string): { jobs: Job[]; rejected: Outcome[] } {
  const jobs: Job[] = [];
  const rejected: Outcome[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      jobs.push({ line: i + 1, args: splitLine(line) });
    } catch (error) {
      rejected.push({ line: i + 1, exitCode: 2, message: (error as Error).message });
    }
  });
  return { jobs, rejected };
}
