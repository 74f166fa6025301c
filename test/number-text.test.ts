/**
 * Every number activ prints reads back to the same double, −0 included: the rule of
 * src/number-text.ts, and `activ eval`, `activ table` and `activ list --json` through the built bin.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberLineWriter } from '../src/number-lines.js';
import { formatDouble, formatJsonDouble } from '../src/number-text.js';
import { activ } from './support/run-cli.js';

/** How activ's own eval reads a line back (String's words for the specials included). */
function readBack(text: string): number {
  return Number(text);
}

describe('number text', () => {
  it('round-trips every double, −0 as -0', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(
          Object.is(readBack(formatDouble(v)), v) ||
            (Number.isNaN(v) && Number.isNaN(readBack(formatDouble(v)))),
        ).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(formatDouble(-0)).toBe('-0');
    expect(formatDouble(0)).toBe('0');
    expect([Infinity, -Infinity, Number.NaN].map(formatDouble)).toEqual(['Infinity', '-Infinity', 'NaN']);
  });

  it("in JSON, −0 is -0.0, which JavaScript's JSON.parse and Python's json both read back as −0", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(JSON.parse(formatJsonDouble(v)), v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect([Infinity, -Infinity, Number.NaN].map(formatJsonDouble)).toEqual(['null', 'null', 'null']);
    // Python's json, as Debian's python3 has it: -0.0 reads back with its sign.
    const python = spawnSync('/usr/bin/python3', [
      '-c',
      `import json, math; print(math.copysign(1, json.loads('${formatJsonDouble(-0)}')))`,
    ]);
    if (python.status === 0) expect(python.stdout.toString().trim()).toBe('-1.0');
  });
});

describe('numbers one a line, as bytes (NumberLineWriter)', () => {
  it('are formatDouble and a newline each, the longest forms whole, and the buffer reused', () => {
    // The longest strings String(number) writes: fixed notation down to 1e-6 with 17 digits and a
    // sign (25 characters), and the exponent forms; a slice of nothing but them must not be cut.
    const writer = new NumberLineWriter();
    for (const longest of [-0.0000012345678901234567, -2.2250738585072014e-308, -1.7976931348623157e308]) {
      const values = new Float64Array(65_536).fill(longest);
      const text = writer.format(values).toString('latin1');
      expect(text).toBe(`${formatDouble(longest)}\n`.repeat(values.length));
    }
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 200 }), (random) => {
        expect(writer.format(random).toString('latin1')).toBe(
          Array.from(random, (v) => `${formatDouble(v)}\n`).join(''),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the command line keeps the sign of zero', () => {
  it("`printf -- '-0\\n' | activ eval relu` prints relu's 0, and identity's −0 comes back as -0", () => {
    expect(activ(['eval', 'relu'], { input: '-0\n' }).stdout.toString()).toBe('0\n');
    expect(activ(['eval', 'identity'], { input: '-0\n0\n' }).stdout.toString()).toBe('-0\n0\n');
    expect(activ(['eval', 'tanh', '--', '-0', '-1e-320']).stdout.toString()).toBe('-0\n-1e-320\n');
  });

  it('eval output fed back in gives the same doubles', () => {
    const first = activ([
      'eval',
      'gelu',
      '--',
      '-0',
      '-1e-310',
      '-40',
      '-Infinity',
      'NaN',
      '3',
    ]).stdout.toString();
    // gelu(x) = x·Φ(x): −0·½, −1e-310·½, −40·Φ(−40) below the smallest subnormal, the limit at −∞.
    expect(first.split('\n').slice(0, 5)).toEqual(['-0', '-5e-311', '-0', '-0', 'NaN']);
    const again = activ(['eval', 'identity'], { input: first }).stdout.toString();
    expect(again).toBe(first);
  });

  it('table CSV writes -0, JSON -0.0 and null for what JSON cannot hold', () => {
    const csv = activ(['table', 'identity', '--from', '-1', '--to', '0', '--samples', '2']).stdout.toString();
    expect(csv).toBe('x,y\n-1,-1\n0,0\n');
    const json = activ([
      'table',
      'tanhshrink',
      '--from',
      '-1e-300',
      '--to',
      '0',
      '--samples',
      '2',
      '--derivative',
      '--format',
      'json',
    ]).stdout.toString();
    const rows = JSON.parse(json) as { x: number; y: number; dy: number }[];
    expect(Object.is(rows[0]!.y, -0)).toBe(true); // x − tanh x ≈ −x³/3 underflows from below
    expect(json).toContain('"y":-0.0');
    const overflow = JSON.parse(
      activ([
        'table',
        'exponential',
        '--from',
        '709',
        '--to',
        '710',
        '--samples',
        '2',
        '--format',
        'json',
      ]).stdout.toString(),
    ) as { y: number | null }[];
    expect(overflow[1]!.y).toBeNull();
  });
});
