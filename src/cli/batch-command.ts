import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { EnvironmentError, InterruptedError, UsageError } from '../errors.js';
import type { RawOptions } from './shared-options.js';
import { interceptSignals } from './signals.js';

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`batch file '${file}' does not exist`);
    if (code === 'EISDIR') throw new UsageError(`'${file}' is a folder, not a batch file`);
    throw new EnvironmentError(`cannot read '${file}': ${(error as Error).message}`);
  }
}

export function batchCommand(): Command {
  return new Command('batch')
    .description('render many figures at once, across all cores: one line of plot arguments per figure')
    .argument('<file>', 'a file of lines like "elu --alpha 1 -o elu.png" (- reads standard input)')
    .option('--jobs <n>', 'worker threads (default: one per core)')
    .addOption(new Option('--debug', 'show stack traces for errors').hideHelp())
    .addHelpText(
      'after',
      `
Each non-empty line not starting with # holds the arguments of one 'activ plot', split as a
shell splits words (quotes honoured, nothing expanded), and must write a file (-o FILE). A bad
line is reported with its number and does not stop the others; the exit code is non-zero if any
line failed. Each file is written whole or not at all, also when interrupted with Ctrl-C.

Example figures.txt:
  elu --alpha 1 --range -20..20 -o elu.png
  relu gelu silu --range -4..4 -o compare.svg --title "Three activations"

  activ batch figures.txt`,
    )
    .action(async (file: string, options: RawOptions) => {
      // Loaded here: only a batch needs the shell-style splitter and the worker pool.
      const { readBatch } = await import('../batch/read-batch.js');
      const { jobs, rejected } = readBatch(readInput(file));
      let workers: number | undefined;
      if (typeof options.jobs === 'string') {
        workers = Number(options.jobs);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not '${options.jobs}'`);
      }
      const total = jobs.length + rejected.length;
      const bar = process.stderr.isTTY && jobs.length > 1 ? await progressBar(jobs.length) : undefined;
      const interrupt = new AbortController();
      const release = interceptSignals(() => interrupt.abort());
      const { runBatch } = await import('../batch/run-batch.js');
      const outcomes = await runBatch(jobs, {
        ...(workers === undefined ? {} : { workers }),
        signal: interrupt.signal,
        onOutcome: () => bar?.increment(),
      });
      release();
      bar?.stop();
      const failed = [...rejected, ...outcomes.filter((o) => o.exitCode !== 0)].sort((a, b) => a.line - b.line);
      for (const o of failed) process.stderr.write(`activ: line ${o.line}: ${o.message}\n`);
      if (interrupt.signal.aborted) {
        throw new InterruptedError(`interrupted after ${outcomes.length} of ${total} lines; every file written is whole`);
      }
      if (failed.length > 0) {
        const summary = `${failed.length} of ${total} lines failed`;
        throw failed.some((o) => o.exitCode === 1) ? new EnvironmentError(summary) : new UsageError(summary);
      }
    });
}

async function progressBar(total: number) {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: 'activ batch [{bar}] {value}/{total} figures, {eta}s left', hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}
