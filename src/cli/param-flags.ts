import { Option } from 'commander';
import type { ParamSpec } from '../activations/activation.js';
import { flagName } from '../activations/params.js';
import { catalog } from '../activations/catalog.js';

/** One command-line flag that sets a parameter of one or more functions (--alpha, --beta, ...). */
export interface ParamFlag {
  readonly option: Option;
  /** The spelling in snake case, as resolveParams takes it. */
  readonly paramName: string;
}

function describe(users: { fn: string; p: ParamSpec }[]): string {
  return users
    .map(({ fn, p }) => {
      const choices = p.kind === 'choice' ? ` (${p.choices.join('|')})` : '';
      return `${fn}: ${p.description}${choices}, default ${p.default}`;
    })
    .join('; ');
}

/**
 * Every parameter flag any function takes, generated from the registry so help and parsing
 * cannot drift from it. A flag given to a function that lacks it is reported by resolveParams.
 */
let memo: ParamFlag[] | undefined;

export function paramFlags(): ParamFlag[] {
  // Built once: every command that takes parameters shares the same flags.
  if (memo) return memo;
  const byFlag = new Map<string, { fn: string; p: ParamSpec }[]>();
  for (const activation of catalog) {
    for (const p of activation.params) {
      for (const name of [p.name, ...(p.aliases ?? [])]) {
        const users = byFlag.get(name) ?? [];
        users.push({ fn: activation.name, p });
        byFlag.set(name, users);
      }
    }
  }
  memo = [...byFlag.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1)) // not localeCompare: its collator costs 10 ms to start
    .map(([name, users]) => ({
      option: new Option(`${flagName(name)} <value>`, describe(users)),
      paramName: name,
    }));
  return memo;
}
