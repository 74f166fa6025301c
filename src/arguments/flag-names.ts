// The command line's words for the library's names, with nothing else: the interactive page,
// which writes command lines and shows errors in the browser, imports it too.
import { InvalidValueError, type UsageError } from '../errors.js';
import { MissingParameterError } from '../expression/errors.js';

/**
 * The command line's flag for what the library calls `subject`: a field of a plot request
 * (lineWidth → --line-width) or a parameter (negative_slope → --negative-slope).
 */
export function flagFor(subject: string): string {
  const renamed: Record<string, string> = { colors: 'color', lineWidth: 'line-width' };
  return `--${(renamed[subject] ?? subject).replace(/_/g, '-')}`;
}

/** A usage error as the command line says it: the library's subject worded as its flag. */
export function inCommandLineWords(error: UsageError): string {
  if (error instanceof MissingParameterError)
    return `${flagFor(error.parameter)} is needed: ${error.message}`;
  if (!(error instanceof InvalidValueError)) return error.message;
  const owner = error.owner === undefined ? '' : ` for ${error.owner}`;
  return `${flagFor(error.subject)} ${error.requirement}${owner}, not ${error.value}`;
}
