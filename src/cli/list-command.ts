import { Command, Option } from '@commander-js/extra-typings';
import type { Activation, ParamSpec } from '../activations/activation.js';
import { catalog } from '../activations/catalog.js';
import { getActivation } from '../activations/registry.js';
import { flavorOption } from '../arguments/flavor-option.js';
import { UsageError } from '../errors.js';
import { findInFlavor } from '../flavors/registry.js';
import { flavorJson, flavorsOfJson, flavorsOfTable, flavorTable } from './flavor-list.js';
import { writeStdout } from './stdout.js';

function paramJson(p: ParamSpec) {
  const base = {
    name: p.name,
    default: p.default,
    symbol: p.symbol,
    description: p.description,
    aliases: p.aliases ?? [],
  };
  if (p.kind === 'choice') return { ...base, choices: p.choices };
  return {
    ...base,
    ...(p.min === undefined ? {} : { min: p.min, minExclusive: p.minExclusive ?? false }),
    ...(p.max === undefined ? {} : { max: p.max, maxExclusive: p.maxExclusive ?? false }),
  };
}

/** The registry as JSON, for scripts. */
export function catalogJson(activations: readonly Activation[] = catalog) {
  return activations.map((a) => ({
    name: a.name,
    label: a.label,
    aliases: a.aliases,
    description: a.description,
    formula: a.formula,
    params: a.params.map(paramJson),
    range: a.range,
    overVector: a.overVector,
    ...(a.derivativeConvention ? { derivativeConvention: a.derivativeConvention } : {}),
  }));
}

/** The registry as an aligned text table. */
export function catalogTable(activations: readonly Activation[] = catalog): string {
  const rows = activations.map((a) => [
    a.name,
    a.aliases.join(', ') || '-',
    a.params.map((p) => `${p.name}=${p.default}`).join(' ') || '-',
    a.formula + (a.overVector ? '  (over the sampled grid: depends on --samples)' : ''),
  ]);
  const header = ['NAME', 'ALIASES', 'PARAMETERS', 'FORMULA'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return (
    [header, ...rows]
      .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
      .join('\n') + '\n'
  );
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The registry as a Markdown table: the README's catalog is this, so it cannot drift. */
export function catalogMarkdown(activations: readonly Activation[] = catalog): string {
  const rows = activations.map((a) => {
    const params = a.params.map((p) => `\`${p.name}\` = ${p.default}`).join(', ') || '—';
    const aliases = a.aliases.map((n) => `\`${n}\``).join(', ') || '—';
    const note = a.overVector ? ' Over the whole input vector (in plots: the sampled grid).' : '';
    const convention = a.derivativeConvention ? ` Derivative: ${a.derivativeConvention}.` : '';
    return (
      `| \`${a.name}\` | ${aliases} | ${escapeCell(a.formula)} | ${params} | ` +
      `${escapeCell(a.description + '.' + note + convention)} |`
    );
  });
  return (
    ['| name | aliases | f(x) | parameters | notes |', '|---|---|---|---|---|', ...rows].join('\n') + '\n'
  );
}

export function listCommand() {
  return new Command('list')
    .description('list every activation function with its parameters, defaults and formula')
    .argument('[name]', 'one function (with --flavors: as every framework defines it)')
    .option('--json', 'print a JSON array (name, aliases, params [{name, default, ...}], formula, ...)')
    .addOption(new Option('--markdown', 'print a Markdown table (the README catalog)').conflicts('json'))
    .addOption(flavorOption().conflicts('markdown'))
    .addOption(
      new Option(
        '--flavors',
        "the function NAME in every framework, what differs from activ's marked",
      ).conflicts(['markdown', 'flavor']),
    )
    .addHelpText(
      'after',
      "\nExamples:\n  activ list\n  activ list --json | jq -r '.[].name'\n  activ list --flavor keras\n" +
        '  activ list gelu --flavors',
    )
    .action(async (name, options) => {
      if (options.flavors) {
        if (name === undefined)
          throw new UsageError('--flavors compares one function: activ list NAME --flavors');
        await writeStdout(
          options.json ? JSON.stringify(flavorsOfJson(name), null, 2) + '\n' : flavorsOfTable(name),
        );
        return;
      }
      if (options.flavor !== undefined) {
        if (name !== undefined) {
          const one = findInFlavor(name, options.flavor);
          const json = flavorJson(options.flavor).functions.filter((f) => f.name === one.name);
          await writeStdout(JSON.stringify(json, null, 2) + '\n');
          return;
        }
        await writeStdout(
          options.json
            ? JSON.stringify(flavorJson(options.flavor), null, 2) + '\n'
            : flavorTable(options.flavor),
        );
        return;
      }
      const chosen = name === undefined ? catalog : [getActivation(name)];
      if (options.json) await writeStdout(JSON.stringify(catalogJson(chosen), null, 2) + '\n');
      else await writeStdout(options.markdown ? catalogMarkdown(chosen) : catalogTable(chosen));
    });
}
