import { CommanderError } from '@commander-js/extra-typings';
import type { Command as UntypedCommand } from 'commander';
import { describeFailure, throwInsteadOfExiting } from '../arguments/describe-failure.js';
import { addExpressionParamFlags, expressionCandidates } from '../arguments/expression-flags.js';
import {
  normalisePlotWords,
  plotArguments,
  plotCommandLine,
  type PlotCommandLine,
} from '../arguments/plot-arguments.js';
import { UsageError } from '../errors.js';
import { figureBytes } from '../figure-bytes.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';
import { plotSpec } from '../plot-spec.js';

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

// One parser for every line: commander restores its state before each parse, so building the
// command (0.25 ms a line) once is enough. A line with an expression gets a parser of its own,
// with flags for that expression's parameters (expression-flags.ts), which no other line shares.
let commandLine: PlotCommandLine | undefined;

function newParser(): PlotCommandLine {
  const command = plotCommandLine();
  throwInsteadOfExiting(command as unknown as UntypedCommand);
  // Help text from a batch line would pour into the middle of the batch's output.
  command.configureOutput({ writeOut: () => {} });
  return command;
}

function parser(words: readonly string[]): PlotCommandLine {
  if (expressionCandidates(words).length > 0) {
    const command = newParser();
    addExpressionParamFlags(command, words);
    return command;
  }
  return (commandLine ??= newParser());
}

/** Render one batch line as `activ plot` would, never throwing: failures become the outcome. */
export async function renderJob(job: Job): Promise<Outcome> {
  try {
    const command = parser(job.args);
    command.parse(normalisePlotWords(job.args), { from: 'user' });
    const [names] = command.processedArgs;
    const { request, output, format } = plotArguments(names, command);
    // Several workers writing to standard output at once would interleave their bytes.
    if (format === 'term' || output === '-')
      throw new UsageError('a batch line must write a file: give -o FILE (not -o - or --format term)');
    const spec = plotSpec(request);
    checkOutputPath(output);
    await writeOutputFile(output, await figureBytes(request, spec, format));
    return { line: job.line, exitCode: 0, message: '' };
  } catch (error) {
    if (error instanceof CommanderError && ASKS_FOR_HELP.has(error.code)) {
      return {
        line: job.line,
        exitCode: 2,
        message: "a batch line draws a figure; it cannot ask for help ('activ plot --help' shows it)",
      };
    }
    return { line: job.line, ...describeFailure(error) };
  }
}
