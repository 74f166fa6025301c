import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { errnoText } from '../errno-text.js';
import { EnvironmentError, InterruptedError, UsageError } from '../errors.js';
import { oneLine } from '../arguments/one-line.js';
import { interceptSignals, SIGNAL_EXIT_CODES, type StopSignal } from './signals.js';

/** The batch file (or standard input) as chunks, with a missing file or a folder worded for the user. */
function openInput(file: string): AsyncIterable<Buffer> {
  if (file === '-') return process.stdin;
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) throw new UsageError(`batch file '${file}' does not exist`);
  if (stats.isDirectory()) throw new UsageError(`'${file}' is a folder, not a batch file`);
  const stream = createReadStream(file);
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw new EnvironmentError(`cannot read '${file}': ${errnoText(error, file)}`);
    }
  })();
}

/** --jobs as a number of renderers, 1 to 64. */
function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text.trim()) || jobs < 1 || jobs > 64)
    throw new InvalidArgumentError(`--jobs must be a whole number from 1 to 64, not '${text}'`);
  return jobs;
}

/** At most one renderer per CPU unless --force: more only adds memory and switching. */
function checkJobs(jobs: number | undefined, force: boolean): void {
  const cpus = availableParallelism();
  if (jobs !== undefined && jobs > cpus && !force) {
    throw new UsageError(
      `--jobs ${jobs} is more than the ${cpus} CPUs, which only adds memory and switching; add --force to insist`,
    );
  }
}

export function batchCommand() {
  return new Command('batch')
    .description('render many figures at once, across all cores: one line of plot arguments per figure')
    .argument('<file>', 'a file of lines like "elu --alpha 1 -o elu.png" (- reads standard input)')
    .addOption(
      new Option(
        '--jobs <n>',
        'figures rendered at once (default: one per CPU, at most one per line)',
      ).argParser(parseJobs),
    )
    .option('--force', 'allow --jobs above the number of CPUs')
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
    .action(async (file, options) => {
      checkJobs(options.jobs, options.force === true);
      const workers = options.jobs;
      // Loaded here: only a batch needs the shell-style splitter and the worker pool.
      const { readBatch } = await import('../batch/read-batch.js');
      const { jobs, rejected } = await readBatch(
        openInput(file),
        file === '-' ? 'standard input' : `'${file}'`,
      );
      const total = jobs.length + rejected.length;
      const bar = process.stderr.isTTY && jobs.length > 1 ? await progressBar(jobs.length) : undefined;
      const interrupt = new AbortController();
      let stoppedBy: StopSignal | undefined;
      const release = interceptSignals((signal) => {
        // Ctrl-C reaches every process of the group at once: the first signal is the interruption.
        stoppedBy ??= signal;
        interrupt.abort();
      });
      const { runBatch } = await import('../batch/run-batch.js');
      const outcomes = await runBatch(jobs, {
        ...(workers === undefined ? {} : { workers }),
        signal: interrupt.signal,
        onOutcome: () => bar?.increment(),
      });
      release();
      bar?.stop();
      const failed = [...rejected, ...outcomes.filter((o) => o.exitCode !== 0)].sort(
        (a, b) => a.line - b.line,
      );
      for (const o of failed) process.stderr.write(`activ: line ${o.line}: ${oneLine(o.message)}\n`);
      if (stoppedBy) {
        const done = outcomes.filter((o) => o.exitCode === 0).length;
        throw new InterruptedError(
          `interrupted after ${done} of ${total} figures; every file written is whole`,
          SIGNAL_EXIT_CODES[stoppedBy],
        );
      }
      if (failed.length > 0) {
        const summary = `${failed.length} of ${total} lines failed`;
        throw failed.some((o) => o.exitCode === 1) ? new EnvironmentError(summary) : new UsageError(summary);
      }
    });
}

async function progressBar(total: number) {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'activ batch [{bar}] {value}/{total} figures, {eta}s left',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
