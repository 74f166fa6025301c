import { InvalidValueError, UsageError } from '../errors.js';
import type { Activation, NumberParam, ParamSpec, ParamValue, ParamValues } from './activation.js';

function keyOf(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

/** The parameter that `name` (canonical or alias, kebab or snake case) means for `activation`. */
export function findParam(activation: Activation, name: string): ParamSpec | undefined {
  const key = keyOf(name);
  return activation.params.find((p) => p.name === key || (p.aliases ?? []).some((a) => keyOf(a) === key));
}

function describeRange(p: NumberParam): string {
  const low = p.min === undefined ? '' : `${p.minExclusive ? '>' : '≥'} ${p.min}`;
  const high = p.max === undefined ? '' : `${p.maxExclusive ? '<' : '≤'} ${p.max}`;
  return [low, high].filter(Boolean).join(' and ');
}

/** Why `value` is not allowed for `p`, or undefined when it is. */
export function rangeProblem(p: NumberParam, value: number): string | undefined {
  const ok =
    Number.isFinite(value) &&
    (p.min === undefined || (p.minExclusive ? value > p.min : value >= p.min)) &&
    (p.max === undefined || (p.maxExclusive ? value < p.max : value <= p.max));
  if (ok) return undefined;
  const range = describeRange(p);
  return range ? `must be ${range}` : 'must be a finite number';
}

/** Human-readable list of what a function takes, for messages: "alpha" or "nothing". */
export function paramList(activation: Activation): string {
  return activation.params.length === 0 ? 'no parameters' : activation.params.map((p) => p.name).join(', ');
}

/** The name in messages: a framework's function says whose it is (relu@keras). */
function shownName(activation: Activation): string {
  return activation.flavor === undefined ? activation.name : `${activation.name}@${activation.flavor}`;
}

/** "elu has no parameter 'beta'; it takes: alpha" */
export function noSuchParam(activation: Activation, name: string): UsageError {
  const takes = activation.params.length === 0 ? 'it takes none' : `it takes: ${paramList(activation)}`;
  return new UsageError(`${shownName(activation)} has no parameter '${keyOf(name)}'; ${takes}`);
}

/**
 * Complete, checked parameter values for one evaluation: `given` may name parameters by
 * canonical name or alias, in kebab or snake case; the rest take their defaults.
 */
export function resolveParams(
  activation: Activation,
  given: Readonly<Record<string, ParamValue>> = {},
): ParamValues {
  const values: Record<string, ParamValue> = {};
  for (const p of activation.params) values[p.name] = p.default;
  for (const [name, value] of Object.entries(given)) {
    const p = findParam(activation, name);
    if (!p) throw noSuchParam(activation, name);
    if (p.kind === 'number') {
      if (typeof value !== 'number')
        throw new InvalidValueError(p.name, 'must be a number', `'${value}'`, shownName(activation));
      const problem = rangeProblem(p, value);
      if (problem) throw new InvalidValueError(p.name, problem, String(value), shownName(activation));
    } else if (typeof value !== 'string' || !p.choices.includes(value)) {
      throw new InvalidValueError(
        p.name,
        `must be one of ${p.choices.join(', ')}`,
        `'${value}'`,
        shownName(activation),
      );
    }
    values[p.name] = value;
  }
  const problem = activation.check(values);
  if (problem) throw new UsageError(`${shownName(activation)}: ${problem}`);
  return values;
}
