import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';
import { withPreset, type Activation } from './activation.js';
import { catalog } from './catalog.js';

/** Names compare case-insensitively with "-" and "_" alike: BinaryStep, binary-step, binary_step. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

const byName = new Map<string, Activation>();
for (const activation of catalog) {
  for (const name of [activation.name, ...activation.aliases]) {
    const key = normaliseName(name);
    if (byName.has(key)) throw new Error(`activation name '${name}' is registered twice`);
    const preset = activation.presets.find((p) => p.name === name);
    byName.set(key, preset ? withPreset(activation, preset) : activation);
  }
}

/** The entry for a name or alias, or undefined. */
export function findActivation(name: string): Activation | undefined {
  return byName.get(normaliseName(name));
}

/** The entry for a name or alias; an unknown name is a UsageError that suggests the closest ones. */
export function getActivation(name: string): Activation {
  const found = findActivation(name);
  if (found) return found;
  const hint = suggestNames(name);
  throw new UsageError(
    `unknown activation '${name}'; ` +
      (hint.length > 0
        ? `did you mean ${hint.map((n) => `'${n}'`).join(' or ')}?`
        : "'activ list' shows them all"),
  );
}

/** Edit distance, from fastest-levenshtein, loaded only when a name is unknown. */
function distance(a: string, b: string): number {
  const require = createRequire(import.meta.url);
  return (require('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance(a, b);
}

/** Canonical names near `name` (small edit distance, or `name` is a prefix), closest first. */
export function suggestNames(name: string): string[] {
  const key = normaliseName(name);
  const limit = Math.max(1, Math.floor(key.length / 3));
  return catalog
    .map((a) => ({
      name: a.name,
      distance: Math.min(...[a.name, ...a.aliases].map((n) => distance(key, normaliseName(n)))),
      prefix: key.length >= 3 && normaliseName(a.name).startsWith(key),
    }))
    .filter((s) => s.distance <= limit || s.prefix)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((s) => s.name);
}
