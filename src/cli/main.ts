import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EnvironmentError, InterruptedError, UsageError } from '../errors.js';
import { evalCommand } from './eval-command.js';
import { batchCommand } from './batch-command.js';
import { galleryCommand } from './gallery-command.js';
import { listCommand } from './list-command.js';
import { plotCommand } from './plot-command.js';
import { tableCommand } from './table-command.js';
import { installSignalHandlers } from './signals.js';
import { oneLine } from './one-line.js';
import { guardStdout } from './stdout.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The whole command tree. Commander throws instead of exiting, and prints nothing itself. */
export function program(): Command {
  const root = new Command('activ')
    .description('see, compare and use neural-network activation functions')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces for errors (or set ACTIV_DEBUG=1)')
    .addCommand(plotCommand())
    .addCommand(listCommand())
    .addCommand(evalCommand())
    .addCommand(tableCommand())
    .addCommand(galleryCommand())
    .addCommand(batchCommand())
    .addHelpText('after', '\nExamples:\n  activ plot elu --alpha 1 --from -20 --to 20\n  activ list\n  activ eval gelu -- -1 0 1\n  activ table elu --from -1 --to 1 --samples 5\n  activ gallery --article -o article\n  activ batch figures.txt\n\nactiv <command> --help tells more about each.');
  throwInsteadOfExiting(root);
  return root;
}

/**
 * Make commander throw instead of exiting, and keep it from printing its own complaints, so every
 * usage error is reported (by `explain`) as one line and exits like ours.
 */
export function throwInsteadOfExiting(command: Command): void {
  command.exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} });
  command.showSuggestionAfterError(true);
  command.commands.forEach(throwInsteadOfExiting);
}

function debugging(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.ACTIV_DEBUG === '1';
}

/**
 * What to tell the user about an error, and the exit code: 2 for a mistake in the request, 1 for
 * a failure of the environment (or of activ itself). `message` is one line, or '' for none.
 */
export function explain(error: unknown): { exitCode: number; message: string } {
  const { exitCode, message } = explainRaw(error);
  return { exitCode, message: oneLine(message) };
}

function explainRaw(error: unknown): { exitCode: number; message: string } {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return { exitCode: 0, message: '' };
    }
    return { exitCode: 2, message: error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ') };
  }
  if (error instanceof UsageError || error instanceof EnvironmentError || error instanceof InterruptedError) {
    return { exitCode: error.exitCode, message: error.message };
  }
  return { exitCode: 1, message: `internal error: ${(error as Error).message} (run with --debug for details)` };
}

/** Run activ with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  installSignalHandlers();
  if (argv.length === 0) {
    process.stderr.write("usage: activ <command> [options]; 'activ --help' lists the commands\n");
    return 2;
  }
  const root = program();
  try {
    await root.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (debugging(argv) && !(error instanceof CommanderError)) process.stderr.write(`${(error as Error).stack}\n`);
    const { exitCode, message } = explain(error);
    if (message) process.stderr.write(`activ: ${message}\n`);
    // Interrupted: stop now, rather than when the last piece of work in flight has ended.
    if (error instanceof InterruptedError) process.exit(exitCode);
    return exitCode;
  }
}
