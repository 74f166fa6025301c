import { Command } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { describeFailure, throwInsteadOfExiting } from '../arguments/describe-failure.js';
import { addExpressionParamFlags } from '../arguments/expression-flags.js';
import { normalisePlotWords } from '../arguments/plot-arguments.js';
import { InterruptedError } from '../errors.js';
import type { Command as UntypedCommand } from 'commander';
import { batchCommand } from './batch-command.js';
import { completionCommand } from './completion.js';
import { evalCommand } from './eval-command.js';
import { galleryCommand } from './gallery-command.js';
import { listCommand } from './list-command.js';
import { plotCommand } from './plot-command.js';
import { installSignalHandlers } from './signals.js';
import { guardStdout } from './stdout.js';
import { tableCommand } from './table-command.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Each command, by name, made when it is needed. */
const COMMANDS = {
  plot: plotCommand,
  list: listCommand,
  eval: evalCommand,
  table: tableCommand,
  gallery: galleryCommand,
  batch: batchCommand,
  completion: completionCommand,
} as const;

/**
 * The command tree. Commander throws instead of exiting, and prints nothing itself. With
 * `only`, the tree holds that command alone: a cold `activ plot` need not build the other six
 * (a few ms of a ~150 ms run). Help, suggestions for a misspelt command and completion scripts
 * get the whole tree.
 */
export function program(only?: keyof typeof COMMANDS) {
  const root = new Command('activ')
    .description('see, compare and use neural-network activation functions')
    .version(version(), '-v, --version', 'print the version')
    // One global --debug: commander takes program options after the subcommand's words too.
    .option('--debug', 'show stack traces for errors (or set ACTIV_DEBUG=1)');
  for (const [name, make] of Object.entries(COMMANDS)) {
    if (only === undefined || only === name) root.addCommand(make());
  }
  root.addHelpText(
    'after',
    `
Examples:
  activ plot elu --alpha 1 --from -20 --to 20
  activ list
  activ eval gelu -- -1 0 1
  activ table elu --from -1 --to 1 --samples 5
  activ gallery --article -o article
  activ batch figures.txt

activ <command> --help tells more about each.`,
  );
  throwInsteadOfExiting(root as unknown as UntypedCommand);
  return root;
}

function debugging(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.ACTIV_DEBUG === '1';
}

/** Run activ with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  installSignalHandlers();
  if (argv.length === 0) {
    process.stderr.write("usage: activ <command> [options]; 'activ --help' lists the commands\n");
    return 2;
  }
  const first = argv[0]!;
  const root = program(
    Object.hasOwn(COMMANDS, first) && first !== 'completion' ? (first as keyof typeof COMMANDS) : undefined,
  );
  // An expression's parameters are flags that the expression itself names (expression-flags.ts).
  for (const command of root.commands)
    if (['plot', 'eval', 'table'].includes(command.name())) addExpressionParamFlags(command, argv);
  try {
    const plotAt = argv.indexOf('plot');
    const words =
      plotAt === -1
        ? [...argv]
        : [...argv.slice(0, plotAt + 1), ...normalisePlotWords(argv.slice(plotAt + 1))];
    await root.parseAsync(words, { from: 'user' });
    return 0;
  } catch (error) {
    const { exitCode, message } = describeFailure(error);
    if (
      debugging(argv) &&
      exitCode !== 0 &&
      error instanceof Error &&
      !('code' in error && String(error.code).startsWith('commander.'))
    ) {
      process.stderr.write(`${error.stack}\n`);
    }
    if (message) process.stderr.write(`activ: ${message}\n`);
    // Interrupted: stop now, rather than when the last piece of work in flight has ended.
    if (error instanceof InterruptedError) process.exit(exitCode);
    return exitCode;
  }
}
