import { Command } from '@commander-js/extra-typings';
import type { Activation, ParamValues } from '../activations/activation.js';
import { resolveParams } from '../activations/params.js';
import { catalog } from '../activations/catalog.js';
import { resolveFunction } from '../functions.js';
import { UsageError } from '../errors.js';
import { derivative, evaluate } from '../evaluation.js';
import { formatDouble } from '../number-text.js';
import { MAX_SAMPLES } from '../grid-spec.js';
import { NumberLineReader, parseNumberText } from '../number-lines.js';
import { finishInterruptibly } from '../yield-point.js';
import { addParamFlags, paramsOf } from '../arguments/param-flags.js';
import { flavorOption } from '../arguments/flavor-option.js';
import { writeStdout } from './stdout.js';

/** Results one a line, in the shortest form that reads back to the same double. */
function formatLines(values: Float64Array): string {
  let text = '';
  for (let i = 0; i < values.length; i++) text += `${formatDouble(values[i]!)}\n`;
  return text;
}

/** The functions over a whole vector, named from the registry so the help cannot drift. */
function vectorNote(): string {
  const names = catalog.filter((a) => a.overVector).map((a) => a.name);
  return `For ${names.slice(0, -1).join(', ')} and ${names.at(-1)} all the numbers together are one vector.`;
}

/**
 * Evaluate pointwise as the numbers arrive and write each batch's results before reading on, so
 * memory stays flat however long the input. The softmax family needs the whole vector, which is
 * held (up to MAX_SAMPLES numbers) and evaluated at the end.
 */
async function evaluateStream(
  activation: Activation,
  params: ParamValues,
  wantDerivative: boolean,
  feed: (reader: NumberLineReader) => Promise<void>,
): Promise<void> {
  const apply = (x: Float64Array) =>
    wantDerivative ? derivative(activation, x, params) : evaluate(activation, x, params);
  if (!activation.overVector) {
    await feed(new NumberLineReader((x) => writeStdout(formatLines(apply(x)))));
    return;
  }
  let vector = new Float64Array(65_536);
  let length = 0;
  await feed(
    new NumberLineReader((x) => {
      if (length + x.length > MAX_SAMPLES) {
        throw new UsageError(
          `${activation.name} takes all the numbers as one vector, at most ` +
            `${MAX_SAMPLES.toLocaleString('en-US')} of them`,
        );
      }
      if (length + x.length > vector.length) {
        const grown = new Float64Array(Math.min(MAX_SAMPLES, Math.max(2 * vector.length, length + x.length)));
        grown.set(vector.subarray(0, length));
        vector = grown;
      }
      vector.set(x, length);
      length += x.length;
    }),
  );
  // The whole vector at once, as steps: ten million numbers take a while, and Ctrl-C must work.
  const quantity = wantDerivative ? 'derivative' : 'value';
  const y = await finishInterruptibly(activation.computeSteps(vector.subarray(0, length), params, quantity));
  for (let start = 0; start < y.length; start += 65_536)
    await writeStdout(formatLines(y.subarray(start, start + 65_536)));
}

export function evalCommand() {
  const command = new Command('eval')
    .description('evaluate a function (or its derivative) at the numbers given, one result a line')
    .argument(
      '<name>',
      "activation function (see 'activ list'), or an expression in x such as 'x*sigmoid(1.702*x)'",
    )
    .argument('[values...]', 'numbers to evaluate, after -- (otherwise read one a line from standard input)')
    .option('--derivative', "print f'(x) instead of f(x) (for softmax: the diagonal of the Jacobian)")
    .addOption(flavorOption());
  addParamFlags(command);
  command.addHelpText(
    'after',
    `
Results use the shortest form that reads back to the same double (JavaScript's String(number),
with -0 for −0). ${vectorNote()}

Examples:
  activ eval elu --alpha 0.5 -- -1 0 1
  seq -5 5 | activ eval gelu --derivative
  activ eval leaky_relu --flavor keras -- -2
  activ eval 'x*sigmoid(b*x)' --b 1.702 -- -1 0 1
  printf '1000\\n1001\\n1002\\n' | activ eval softmax`,
  );
  return command.action(async (name, values, options) => {
    const activation = resolveFunction(name, { flavor: options.flavor });
    const params = resolveParams(activation, paramsOf(activation, command));
    const wantDerivative = options.derivative === true;
    if (values.length > 0) {
      const x = Float64Array.from(values, (v, i) => parseNumberText(v, `value ${i + 1} after --`));
      await writeStdout(
        formatLines(wantDerivative ? derivative(activation, x, params) : evaluate(activation, x, params)),
      );
      return;
    }
    if (process.stdin.isTTY)
      process.stderr.write('activ: reading numbers from the terminal, one a line; end with Ctrl-D\n');
    await evaluateStream(activation, params, wantDerivative, async (reader) => {
      for await (const chunk of process.stdin) await reader.push(chunk as Buffer);
      await reader.end();
    });
  });
}
