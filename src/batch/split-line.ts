import { parse } from 'shell-quote';
import { UsageError } from '../errors.js';

/**
 * The words of one batch line, split as a POSIX shell splits them (quotes and backslashes
 * honoured, by shell-quote), without expanding anything: `$HOME` and `*.png` stay as written.
 * A `#` starts a comment. Pipes, redirections and `;` are errors: a line is one plot, not a script.
 */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  for (const token of parse(line, (name) => `$${name}`)) {
    if (typeof token === 'string') words.push(token);
    else if ('comment' in token) break;
    else if ('op' in token && token.op === 'glob') words.push(token.pattern);
    else
      throw new UsageError(
        `'${'op' in token ? token.op : '?'}' is not allowed: a batch line holds the arguments of one activ plot`,
      );
  }
  // "activ plot elu ..." and "plot elu ..." are accepted too, as someone may paste them.
  if (words[0] === 'activ') words.shift();
  if (words[0] === 'plot') words.shift();
  return words;
}
