import { Command, CommanderError } from 'commander';
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

const ASKS_FOR_HELP = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Render one batch line as `activ plot` would, never throwing: failures become the outcome. */
export async function renderJob(job: Job): Promise<Outcome> {
  // A fresh command per line: commander keeps option values from one parse to the next.
  const plot = plotCommand({ inBatch: true });
  const root = new Command('activ').addCommand(plot);
  throwInsteadOfExiting(root);
  // Help text from a batch line would pour into the middle of the batch's output.
  for (const command of [root, plot]) command.configureOutput({ writeOut: () => {} });
  try {
    await root.parseAsync(['plot', ...job.args], { from: 'user' });
    return { line: job.line, exitCode: 0, message: '' };
  } catch (error) {
    if (error instanceof CommanderError && ASKS_FOR_HELP.has(error.code)) {
      return { line: job.line, exitCode: 2, message: "a batch line draws a figure; it cannot ask for help ('activ plot --help' shows it)" };
    }
    return { line: job.line, ...explain(error) };
  }
}
