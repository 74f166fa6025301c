import { Command } from '@commander-js/extra-typings';
import type { Activation, ParamValues } from '../activations/activation.js';
import { resolveParams } from '../activations/params.js';
import { catalog } from '../activations/catalog.js';
import { resolveFunction } from '../functions.js';
import { UsageError } from '../errors.js';
import { derivative, evaluate } from '../evaluation.js';
import { MAX_SAMPLES } from '../grid-spec.js';
import { NumberLineReader, NumberLineWriter, parseNumberText } from '../number-lines.js';
import { HeldVector, SLICE } from '../math/vector-source.js';
import { finishInterruptibly } from '../yield-point.js';
import { addParamFlags, paramsOf } from '../arguments/param-flags.js';
import { flavorOption } from '../arguments/flavor-option.js';
import { writeStdout } from './stdout.js';

/** The functions over a whole vector, named from the registry so the help cannot drift. */
function vectorNote(): string {
  const names = catalog.filter((a) => a.overVector).map((a) => a.name);
  return `For ${names.slice(0, -1).join(', ')} and ${names.at(-1)} all the numbers together are one vector.`;
}

/**
 * Evaluate pointwise as the numbers arrive and write each batch's results before reading on, so
 * memory stays flat however long the input. The softmax family needs the whole vector, which is
 * held (up to MAX_SAMPLES numbers, 8 bytes each) and evaluated at the end.
 */
async function evaluateStream(
  activation: Activation,
  params: ParamValues,
  wantDerivative: boolean,
  feed: (reader: NumberLineReader) => Promise<void>,
): Promise<void> {
  const apply = (x: Float64Array) =>
    wantDerivative ? derivative(activation, x, params) : evaluate(activation, x, params);
  const vectorSteps = activation.vectorSteps;
  if (!vectorSteps) {
    const lines = new NumberLineWriter();
    await feed(new NumberLineReader((x) => writeStdout(lines.format(apply(x)))));
    return;
  }
  const vector = new HeldVector();
  await feed(
    new NumberLineReader((x) => {
      if (vector.length + x.length > MAX_SAMPLES) {
        throw new UsageError(
          `${activation.name} takes all the numbers as one vector, at most ` +
            `${MAX_SAMPLES.toLocaleString('en-US')} of them`,
        );
      }
      vector.append(x);
    }),
  );
  // The passes over the whole vector, as steps: ten million numbers take a while, and Ctrl-C
  // must work. Then the results a slice at a time, each written before the next is made.
  const quantity = wantDerivative ? 'derivative' : 'value';
  const finish = await finishInterruptibly(vectorSteps(vector, params, quantity));
  const out = new Float64Array(SLICE);
  const lines = new NumberLineWriter();
  let start = 0;
  for (const x of vector.slices()) {
    const y = out.subarray(0, x.length);
    finish(x, start, y);
    start += x.length;
    await writeStdout(lines.format(y));
  }
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
        new NumberLineWriter().format(
          wantDerivative ? derivative(activation, x, params) : evaluate(activation, x, params),
        ),
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
