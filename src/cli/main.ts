import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EnvironmentError, UsageError } from '../errors.js';
import { evalCommand } from './eval-command.js';
import { galleryCommand } from './gallery-command.js';
import { listCommand } from './list-command.js';
import { plotCommand } from './plot-command.js';
import { tableCommand } from './table-command.js';
import { exitQuietlyOnClosedPipe } from './stdout.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function program(): Command {
  const root = new Command('activ')
    .description('see, compare and use neural-network activation functions')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces for errors (or set ACTIV_DEBUG=1)')
    .addCommand(plotCommand())
    .addCommand(listCommand())
    .addCommand(evalCommand())
    .addCommand(tableCommand())
    .addCommand(galleryCommand())
    .addHelpText('after', '\nExamples:\n  activ plot elu --alpha 1 --from -20 --to 20\n  activ list\n  activ eval gelu -- -1 0 1\n  activ table elu --from -1 --to 1 --samples 5\n  activ gallery --article -o article\n\nactiv <command> --help tells more about each.');
  // Throw instead of exiting, and make every commander complaint one line, so usage errors
  // look and exit like ours.
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} });
    c.showSuggestionAfterError(true);
    c.commands.forEach(configure);
  };
  configure(root);
  return root;
}

function debugging(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.ACTIV_DEBUG === '1';
}

/** Run activ with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  const root = program();
  if (argv.length === 0) {
    process.stderr.write(root.helpInformation());
    return 2;
  }
  try {
    await root.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      process.stderr.write(`activ: ${message}\n`);
      return 2;
    }
    if (debugging(argv)) process.stderr.write(`${(error as Error).stack}\n`);
    if (error instanceof UsageError || error instanceof EnvironmentError) {
      process.stderr.write(`activ: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`activ: internal error: ${(error as Error).message} (run with --debug for details)\n`);
    return 1;
  }
}
