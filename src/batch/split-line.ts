import { parse } from 'shell-quote';
import { UsageError } from '../errors.js';

/**
 * The words of one batch line, split as a POSIX shell splits them (quotes and backslashes
 * honoured, by shell-quote), without expanding anything: `$HOME` and `*.png` stay as written.
 * A `#` starts a comment. Pipes, redirections and `;` are errors: a line is one plot, not a script.
 */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  for (const token of parse(escapeMidWordHashes(line), (name) => `$${name}`)) {
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

/**
 * The line with every `#` that does not start a word escaped. A shell starts a comment only at
 * the start of a word (`--color k,#d62728` is a colour list); shell-quote starts one at any `#`
 * outside quotes. Quotes are followed so that nothing inside them changes.
 */
export function escapeMidWordHashes(line: string): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') {
        out += c + (line[++i] ?? '');
        continue;
      }
      if (c === quote) quote = undefined;
      out += c;
      continue;
    }
    if (c === '\\') {
      out += c + (line[++i] ?? '');
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '#' && i > 0 && !/\s/.test(line[i - 1]!)) {
      out += '\\#';
      continue;
    }
    out += c;
  }
  return out;
}
