import { Command } from 'commander';
import { explain, throwInsteadOfExiting } from '../cli/main.js';
import { plotCommand } from '../cli/plot-command.js';

/** One batch line: its number in the file and its words. */
export interface Job {
  readonly line: number;
  readonly args: readonly string[];
}

export interface Outcome {
  readonly line: number;
  readonly exitCode: number;
  readonly message: string;
}

/** Render one batch line as `activ plot` would, never throwing: failures become the outcome. */
export async function renderJob(job: Job): Promise<Outcome> {
  // A fresh command per line: commander keeps option values from one parse to the next.
  const root = new Command('activ').addCommand(plotCommand({ inBatch: true }));
  throwInsteadOfExiting(root);
  try {
    await root.parseAsync(['plot', ...job.args], { from: 'user' });
    return { line: job.line, exitCode: 0, message: '' };
  } catch (error) {
    return { line: job.line, ...explain(error) };
  }
}
