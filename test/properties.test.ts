/**
 * Property-based tests (fast-check): random command lines never crash activ or print a stack
 * trace, and the mathematics keeps the shape it must have, on inputs nobody picked by hand.
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParamValues } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { getActivation } from '../src/activations/registry.js';
import { parseLines } from '../src/number-lines.js';
import { main } from '../src/cli/main.js';
import { UsageError } from '../src/errors.js';
import { evaluate } from '../src/evaluation.js';

describe('the command line, on random argv', () => {
  const previous = process.cwd();
  beforeAll(() => process.chdir(mkdtempSync(join(tmpdir(), 'activ-prop-'))));
  afterAll(() => process.chdir(previous));

  const word = fc.oneof(
    fc.constantFrom('plot', 'list', 'table', '--help', '-V', '--json', '--markdown', 'frob'),
    fc.constantFrom('elu', 'relu', 'softmax', 'gelu', 'hardtanh', 'BinaryStep', 'elux', ''),
    fc.constantFrom(
      '--from',
      '--to',
      '--range',
      '--samples',
      '--alpha',
      '--beta',
      '--approximate',
      '--min-val',
      '--format',
      '-o',
      '--width',
      '--dpi',
      '--legend',
      '--no-legend',
      '--color',
      '--derivative',
      '--title',
      '--xlim',
      '--theme',
      '--grid',
      '--bogus',
    ),
    fc.constantFrom(
      '-20..20',
      '1..1',
      '..',
      '-0',
      'NaN',
      'inf',
      '1e308',
      '-1e-300',
      '0x1f',
      '1,2,,3',
      '0.5,1',
      'tanh',
      'svg',
      'term',
      'csv',
      '-',
      'x.png',
      'x.pdf',
      'dark',
      'tab:red',
    ),
    fc.integer({ min: -100, max: 5000 }).map(String),
    fc.double({ noNaN: false }).map(String),
    fc.string({ maxLength: 6 }),
  );

  it('exits 0, 1 or 2, never with a stack trace, and with one line on stderr when it fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 7 }), async (argv) => {
        let stderr = '';
        const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
          stderr += chunk.toString();
          return true;
        });
        const out = vi
          .spyOn(process.stdout, 'write')
          .mockImplementation((_chunk: string | Uint8Array, cb?: unknown) => {
            if (typeof cb === 'function') (cb as () => void)();
            return true;
          });
        let code: number;
        try {
          code = await main(argv);
        } finally {
          err.mockRestore();
          out.mockRestore();
        }
        expect([0, 1, 2], `${JSON.stringify(argv)} → ${code}: ${stderr}`).toContain(code);
        expect(stderr).not.toMatch(/\n\s+at /);
        if (code !== 0 && argv.length > 0)
          expect(stderr.trimEnd().split('\n'), JSON.stringify(argv)).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });

  it('eval input: every line is a number or the error names it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.double().map(String), fc.string({ maxLength: 5 })), { maxLength: 20 }),
        async (lines) => {
          try {
            const values = await parseLines(lines.join('\n'));
            expect(values.length).toBeLessThanOrEqual(lines.length);
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            expect((error as Error).message).toMatch(/^line \d+ of standard input is not a number/);
          }
        },
      ),
    );
  });
});

describe('the mathematics, on random doubles', () => {
  const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('sigmoid stays within [0, 1]', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const [y] = evaluate('sigmoid', [x]);
        expect(y! >= 0 && y! <= 1).toBe(true);
      }),
    );
  });

  it('softmax sums to 1 within 1e-12, also with huge entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (x, temperature) => {
          const s = evaluate('softmax', x, { temperature });
          expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  const monotone = [
    'identity',
    'binary_step',
    'relu',
    'relu6',
    'leaky_relu',
    'prelu',
    'rrelu',
    'elu',
    'celu',
    'selu',
    'sigmoid',
    'hardsigmoid',
    'logsigmoid',
    'tanh',
    'hardtanh',
    'softsign',
    'softplus',
    'softshrink',
    'threshold',
    'exponential',
    'squareplus',
    'tanhshrink',
  ];
  it.each(monotone)('%s is non-decreasing on a sorted grid', (name) => {
    const activation = getActivation(name);
    const params = resolveParams(activation);
    fc.assert(
      fc.property(fc.array(anyDouble, { minLength: 2, maxLength: 100 }), (xs) => {
        const x = Float64Array.from(xs).sort();
        const y = activation.evaluate(x, params);
        for (let i = 1; i < y.length; i++)
          expect(y[i]!, `${name} at ${x[i - 1]}, ${x[i]}`).toBeGreaterThanOrEqual(y[i - 1]!);
      }),
    );
  });

  const odd = ['identity', 'tanh', 'softsign', 'hardtanh', 'softshrink', 'hardshrink', 'tanhshrink'];
  it.each(odd)('%s is odd: f(−x) = −f(x)', (name) => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const [a, b] = evaluate(name, [x, -x]);
        expect(Math.abs(a! + b!), `${name}(${x})`).toBe(0);
      }),
    );
  });
});

describe('NaN, infinities and finite inputs, for every entry at random parameters', () => {
  /** Valid parameter values for `name`, or undefined when the draw breaks a bound or a check. */
  function drawParams(name: string, draws: readonly number[], choice: number): ParamValues | undefined {
    const activation = getActivation(name);
    const given: Record<string, number | string> = {};
    activation.params.forEach((p, i) => {
      given[p.name] = p.kind === 'choice' ? p.choices[choice % p.choices.length]! : draws[i]!;
    });
    try {
      return resolveParams(activation, given);
    } catch {
      return undefined;
    }
  }
  const parameter = fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(0, 1, 0.5, 2));

  it.each(catalog.map((a) => a.name))(
    '%s: NaN in gives NaN out, and a finite input never gives NaN',
    (name) => {
      const activation = getActivation(name);
      fc.assert(
        fc.property(
          fc.array(parameter, { minLength: 2, maxLength: 2 }),
          fc.nat(),
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }),
          fc.nat(),
          (draws, choice, xs, at) => {
            const params = drawParams(name, draws, choice);
            fc.pre(params !== undefined);
            const x = Float64Array.from(xs);
            for (const quantity of ['value', 'derivative'] as const) {
              const compute = (v: Float64Array) =>
                quantity === 'value' ? activation.evaluate(v, params) : activation.derivative(v, params);
              expect(
                Array.from(compute(x)).some(Number.isNaN),
                `${name} ${JSON.stringify(params)} at ${xs.join(', ')}`,
              ).toBe(false);
              const withNaN = Float64Array.from(xs);
              withNaN[at % xs.length] = Number.NaN;
              const y = compute(withNaN);
              // Pointwise only that entry is NaN; over a vector, every entry.
              for (let i = 0; i < y.length; i++) {
                if (activation.overVector || i === at % xs.length)
                  expect(y[i], `${name} ${JSON.stringify(params)}`).toBeNaN();
              }
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
