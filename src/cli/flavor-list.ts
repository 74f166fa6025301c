/**
 * `activ list --flavor F` and `activ list NAME --flavors`: a framework's functions under its own
 * names, mapped to the catalog, and one function across every framework with what differs marked.
 * The marks are found by evaluating (flavors/compare.ts), so they cannot drift from the code.
 */
import type { Activation } from '../activations/activation.js';
import { resolveParams } from '../activations/params.js';
import { getActivation } from '../activations/registry.js';
import { differenceFromCatalog, type Difference } from '../flavors/compare.js';
import { FLAVOR_NAMES, type FlavoredActivation, type FlavorName } from '../flavors/flavor.js';
import { flavorFunctions, flavors, flavorsOf } from '../flavors/registry.js';

function defaultText(activation: Activation, name: string, value: unknown): string {
  const spec = (activation as Partial<FlavoredActivation>).spec?.params?.find((p) => p.name === name);
  return spec?.defaultText ?? String(value);
}

/** "negative_slope=0.2 max_value=None", or "-" for none. */
export function paramsText(activation: Activation, separator = ' '): string {
  const defaults = resolveParams(activation);
  return (
    activation.params
      .map((p) => `${p.name}=${defaultText(activation, p.name, defaults[p.name])}`)
      .join(separator) || '-'
  );
}

function alignedTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return (
    [header, ...rows]
      .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
      .join('\n') + '\n'
  );
}

function differenceWords(d: Difference): string {
  const words = [
    d.defaults && 'defaults',
    d.definition && 'definition',
    d.derivative && "f' at kinks",
  ].filter(Boolean);
  return words.length === 0 ? 'same' : words.join(', ');
}

/** One framework's functions, each with the catalog entry it is and what differs from it. */
export function flavorTable(flavor: FlavorName): string {
  const rows = flavorFunctions(flavor).map((a) => [
    a.name,
    a.spec.catalog,
    paramsText(a),
    differenceWords(differenceFromCatalog(a)),
    a.spec.call,
  ]);
  const unmapped = flavors[flavor].unmapped.map((u) => `${u.name} (${u.why})`);
  return (
    alignedTable(['NAME', 'CATALOG', 'PARAMETERS', 'DIFFERS FROM ACTIV', 'CALL'], rows) +
    `\n${flavors[flavor].framework}; derivatives: ${flavors[flavor].gradients}.\n` +
    (unmapped.length === 0 ? '' : `Not in activ's catalog: ${unmapped.join('; ')}.\n`)
  );
}

function functionJson(a: FlavoredActivation) {
  return {
    flavor: a.flavor,
    name: a.name,
    aliases: a.aliases,
    catalog: a.spec.catalog,
    call: a.spec.call,
    formula: a.formula,
    params: a.params.map((p) => ({ name: p.name, default: defaultText(a, p.name, p.default) })),
    derivativeConvention: a.derivativeConvention ?? null,
    differs: differenceFromCatalog(a),
    source: a.spec.source,
    ...(a.spec.note ? { note: a.spec.note } : {}),
  };
}

export function flavorJson(flavor: FlavorName) {
  return {
    flavor,
    framework: flavors[flavor].framework,
    gradients: flavors[flavor].gradients,
    functions: flavorFunctions(flavor).map(functionJson),
    unmapped: flavors[flavor].unmapped,
  };
}

const mark = (text: string, differs: boolean) => (differs ? `${text} *` : text);

/** One function as every framework defines it, with what differs from activ's catalog entry marked. */
export function flavorsOfTable(name: string): string {
  const entry = getActivation(name);
  const rows: string[][] = [
    ['activ', entry.name, paramsText(entry), entry.formula, entry.derivativeConvention ?? '-'],
  ];
  for (const { flavor, functions } of flavorsOf(entry)) {
    if (functions.length === 0) rows.push([flavor, '-', '-', `(${flavor} has no ${entry.name})`, '-']);
    for (const a of functions) {
      const d = differenceFromCatalog(a);
      rows.push([
        flavor,
        a.spec.call,
        mark(paramsText(a), d.defaults),
        mark(a.formula, d.definition),
        mark(a.derivativeConvention ?? '-', d.derivative),
      ]);
    }
  }
  return (
    alignedTable(['FLAVOR', 'CALL', 'DEFAULTS', 'f(x)', "f' AT KINKS AND JUMPS"], rows) +
    "\n* differs from activ's catalog entry (PyTorch's conventions), found by evaluating both at their defaults\n"
  );
}

export function flavorsOfJson(name: string) {
  const entry = getActivation(name);
  return {
    name: entry.name,
    flavors: flavorsOf(entry).map(({ flavor, functions }) => ({
      flavor,
      functions: functions.map(functionJson),
    })),
  };
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * The README's table of the same names meaning different functions: every catalog function that
 * some framework defines differently, and in each framework what differs (in bold) or that it is
 * the same.
 */
export function flavorDifferencesMarkdown(): string {
  const header = `| function | ${FLAVOR_NAMES.join(' | ')} |\n|---|${FLAVOR_NAMES.map(() => '---|').join('')}\n`;
  const rows: string[] = [];
  const seen = new Set<string>();
  for (const flavor of FLAVOR_NAMES) {
    for (const a of flavorFunctions(flavor)) {
      if (seen.has(a.spec.catalog)) continue;
      seen.add(a.spec.catalog);
      const entry = getActivation(a.spec.catalog);
      const cells = flavorsOf(entry).map(({ functions }) => {
        if (functions.length === 0) return '—';
        return functions
          .map((f) => {
            const d = differenceFromCatalog(f);
            const parts = [
              d.defaults ? `**${paramsText(f, ', ')}**` : '',
              d.definition ? `**${f.formula}**` : '',
              d.derivative ? `**${f.derivativeConvention ?? ''}**` : '',
            ].filter(Boolean);
            return `\`${f.name}\`${parts.length === 0 ? '' : `: ${parts.join('; ')}`}`;
          })
          .join('<br>');
      });
      if (cells.some((c) => c.includes('**')))
        rows.push(`| \`${entry.name}\` | ${cells.map(escapeCell).join(' | ')} |`);
    }
  }
  return header + rows.join('\n') + '\n';
}
