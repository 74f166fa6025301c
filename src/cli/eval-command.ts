import { Command, Option } from 'commander';
import { getActivation } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import { derivative, evaluate } from '../evaluation.js';
import { formatDouble } from '../number-text.js';
import { addParamOptions, paramsOf, type RawOptions } from './shared-options.js';
import { writeStdout } from './stdout.js';

// A number as a line of data may hold it: decimals and exponents, and the words String(number)
// prints for the specials, so activ's own output can be fed back in.
const VALUE = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|infinity|inf|nan)$/i;

function parseValue(text: string, where: string): number {
  const trimmed = text.trim();
  if (!VALUE.test(trimmed)) throw new UsageError(`${where} is not a number: '${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`);
  const lower = trimmed.toLowerCase().replace(/^\+/, '');
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(trimmed);
}

/** Every non-blank line of `text` as a number; a bad line is named by its number. */
export function parseLines(text: string): Float64Array {
  const lines = text.split('\n');
  const values = new Float64Array(lines.length);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Fast path for the common case; the full check only when Number() is unsure.
    const v = Number(line);
    if (line.length > 0 && !Number.isNaN(v) && VALUE.test(line)) {
      values[n++] = v;
      continue;
    }
    if (line.trim() === '') continue;
    values[n++] = parseValue(line, `line ${i + 1} of standard input`);
  }
  return values.subarray(0, n);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One result a line, in the shortest form that reads back to the same double (−0 as -0). */
export function formatLines(values: Float64Array): string {
  if (values.length === 0) return '';
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = formatDouble(values[i]!);
  return out.join('\n') + '\n';
}

export function evalCommand(): Command {
  const command = new Command('eval')
    .description('evaluate a function (or its derivative) at the numbers given, one result a line')
    .argument('<name>', "activation function (see 'activ list')")
    .argument('[values...]', 'numbers to evaluate, after -- (otherwise read one a line from standard input)')
    .option('--derivative', "print f'(x) instead of f(x) (for softmax: the diagonal of the Jacobian)");
  const flags = addParamOptions(command);
  command.addOption(new Option('--debug', 'show stack traces for errors').hideHelp());
  command.addHelpText(
    'after',
    `
Results use the shortest form that reads back to the same double (JavaScript's String(number)).
For softmax, softmin and log_softmax all the numbers together are one vector.

Examples:
  activ eval elu --alpha 0.5 -- -1 0 1
  seq -5 5 | activ eval gelu --derivative
  printf '1000\\n1001\\n1002\\n' | activ eval softmax`,
  );
  command.action(async (name: string, values: string[], options: RawOptions) => {
    const activation = getActivation(name);
    const params = paramsOf(activation, options, flags);
    let x: Float64Array;
    if (values.length > 0) {
      x = Float64Array.from(values, (v, i) => parseValue(v, `value ${i + 1} after --`));
    } else {
      if (process.stdin.isTTY) process.stderr.write('activ: reading numbers from the terminal, one a line; end with Ctrl-D\n');
      x = parseLines(await readStdin());
    }
    const y = options.derivative ? derivative(activation, x, params) : evaluate(activation, x, params);
    await writeStdout(formatLines(y));
  });
  return command;
}
