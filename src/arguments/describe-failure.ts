import { CommanderError } from '@commander-js/extra-typings';
import type { Command } from 'commander';
import { EnvironmentError, InterruptedError, UsageError } from '../errors.js';
import { inCommandLineWords } from './flag-names.js';
import { oneLine } from './one-line.js';

/** Commander's own sentences, reworded in activ's voice ("--format must be one of …, not 'x'"). */
function commanderMessage(error: CommanderError): string {
  // An InvalidArgumentError of activ's own, thrown outside a parse, is already a sentence.
  if (!error.message.startsWith('error: ')) return error.message;
  // Commander's suggestion goes on a line of its own: "\n(Did you mean --alpha?)". Newlines
  // that came from the user's words stay, for oneLine to show escaped.
  const text = error.message.replace(/^error: /, '').replace(/\n\(/g, ' (');
  // "option '--format <format>' argument 'jpg' is invalid. Allowed choices are png, svg."
  const choices = /^option '(--[\w-]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(
    text,
  );
  if (choices) return `${choices[1]} must be one of ${choices[3]}, not '${choices[2]}'`;
  // "command-argument value 'csh' is invalid for argument 'shell'. Allowed choices are bash, zsh."
  const argument =
    /^command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/.exec(text);
  if (argument) return `the ${argument[2]} must be one of ${argument[3]}, not '${argument[1]}'`;
  // An argParser's InvalidArgumentError: its own sentence already names the flag and the text.
  const parsed = /^option '[^']*' argument '.*' is invalid\. (.*)$/.exec(text);
  if (parsed) return parsed[1]!;
  // An expression that starts with a minus sign reads as an option: say how to write it.
  const unknown = /^unknown option '-(.*)'$/.exec(text.split(' (')[0]!);
  if (unknown && /[()*/^+<>?]|(?<![\w-])x(?!\w)/.test(unknown[1]!)) {
    const hint = `write it in parentheses, '(-${unknown[1]})'`;
    return `${text}; an expression that starts with '-' reads as an option: ${hint}`;
  }
  // "option '--range <from..to>' cannot be used with option '--from <x>'"
  if (error.code === 'commander.conflictingOption')
    return text.replace(/option '(--?[\w-]+)(?: [<[][^']*)?'/g, '$1');
  return text;
}

/**
 * What to tell the user about an error, and the exit code: 2 for a mistake in the request, 1 for
 * a failure of the environment (or of activ itself), 0 when commander has shown help. `message`
 * is one line that cannot drive the terminal, or '' for none.
 */
export function describeFailure(error: unknown): { exitCode: number; message: string } {
  const { exitCode, message } = describe(error);
  return { exitCode, message: oneLine(message) };
}

function describe(error: unknown): { exitCode: number; message: string } {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return { exitCode: 0, message: '' };
    }
    return { exitCode: 2, message: commanderMessage(error) };
  }
  if (error instanceof UsageError) return { exitCode: 2, message: inCommandLineWords(error) };
  if (error instanceof EnvironmentError || error instanceof InterruptedError) {
    return { exitCode: error.exitCode, message: error.message };
  }
  return {
    exitCode: 1,
    message: `internal error: ${(error as Error).message} (run with --debug for details)`,
  };
}

/**
 * Make commander throw instead of exiting, and keep it from printing its own complaints, so every
 * usage error is reported by describeFailure as one line and exits like activ's own.
 */
export function throwInsteadOfExiting(command: Command): void {
  command.exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} });
  command.showSuggestionAfterError(true);
  command.commands.forEach(throwInsteadOfExiting);
}
