/**
 * `activ completion bash|zsh|fish`: a completion script for the shell, generated from the command
 * tree and the registry as they are, so it cannot drift from them: the commands, each command's
 * options with their choices, function names and aliases where a function is expected, and
 * files where a file is.
 *
 * Written here rather than with a completion library: the npm ones (omelette, tabtab) run the
 * program on every <Tab>, a Node start-up per keystroke; a static script answers at once.
 */
import { Argument, Command } from '@commander-js/extra-typings';
import type { Command as UntypedCommand, Option } from 'commander';
import { catalog } from '../activations/catalog.js';
import { LEGEND_LOCATIONS } from '../look/legend.js';
import { writeStdout } from './stdout.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Commands whose arguments are function names. */
const TAKES_FUNCTIONS = new Set(['plot', 'eval', 'table']);

interface OptionInfo {
  readonly flags: readonly string[];
  readonly description: string;
  /** Values it may take, when they are a known few. */
  readonly choices?: readonly string[];
  /** It takes a value (a file, a number, text). */
  readonly takesValue: boolean;
  readonly takesFile: boolean;
}

interface CommandInfo {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionInfo[];
  /** The words its first argument may be, when they are a known few. */
  readonly argumentChoices?: readonly string[];
}

function optionInfo(option: Option): OptionInfo {
  const flags = [option.short, option.long].filter((f): f is string => f !== undefined);
  const choices =
    option.argChoices ??
    // Legend locations in the spelling that needs no quotes on a command line.
    (option.long === '--legend' ? LEGEND_LOCATIONS.map((l) => l.replace(/ /g, '-')) : undefined);
  return {
    flags,
    description: option.description,
    ...(choices ? { choices } : {}),
    takesValue: option.required || option.optional,
    takesFile: /<(file|dir)>/.test(option.flags),
  };
}

function describeTree(root: UntypedCommand): CommandInfo[] {
  return root.commands.map((c) => {
    const choices = c.registeredArguments[0]?.argChoices;
    return {
      name: c.name(),
      description: c.description(),
      options: c.options.filter((o) => !o.hidden).map(optionInfo),
      ...(choices ? { argumentChoices: choices } : {}),
    };
  });
}

/** Every name a function goes by: canonical names and aliases. */
function functionNames(): string[] {
  return catalog.flatMap((a) => [a.name, ...a.aliases]);
}

/** What a command's positional words may be: function names, its argument's choices, or files. */
function positionalWords(c: CommandInfo): readonly string[] | 'files' | undefined {
  if (TAKES_FUNCTIONS.has(c.name)) return functionNames();
  if (c.argumentChoices) return c.argumentChoices;
  return c.name === 'batch' ? 'files' : undefined;
}

function bash(commands: readonly CommandInfo[]): string {
  const valueCases = commands.flatMap((c) =>
    c.options
      .filter((o) => o.takesValue)
      .map((o) => {
        const reply = o.choices
          ? `COMPREPLY=( $(compgen -W "${o.choices.join(' ')}" -- "$cur") )`
          : o.takesFile
            ? 'COMPREPLY=( $(compgen -f -- "$cur") )'
            : 'COMPREPLY=()';
        return `    ${c.name}:${o.flags.join('|' + c.name + ':')}) ${reply}; return ;;`;
      }),
  );
  const commandCases = commands.map((c) => {
    const options = c.options.flatMap((o) => o.flags).join(' ');
    const words = positionalWords(c);
    const positional =
      words === 'files'
        ? 'COMPREPLY=( $(compgen -f -- "$cur") )'
        : `COMPREPLY=( $(compgen -W "${(words ?? []).join(' ')}" -- "$cur") )`;
    const optionReply = `COMPREPLY=( $(compgen -W "${options} --help" -- "$cur") )`;
    return `    ${c.name}) if [[ $cur == -* ]]; then ${optionReply}; else ${positional}; fi ;;`;
  });
  return `# activ completion for bash: source it, or save it as
# ~/.local/share/bash-completion/completions/activ
_activ() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  local command="\${COMP_WORDS[1]}"
  case "$command:$prev" in
${valueCases.join('\n')}
  esac
  case "$command" in
${commandCases.join('\n')}
  esac
}
complete -F _activ activ
`;
}

/** Text inside a zsh _arguments description: no brackets or colons, which it would parse. */
function zshText(text: string): string {
  return text.replace(/[[\]:]/g, ' ').replace(/'/g, "'\\''");
}

function zsh(commands: readonly CommandInfo[]): string {
  const commandList = commands.map((c) => `    '${c.name}:${zshText(c.description)}'`).join('\n');
  const cases = commands.map((c) => {
    const specs = c.options.map((o) => {
      const value = !o.takesValue
        ? ''
        : o.choices
          ? `:value:(${o.choices.join(' ')})`
          : o.takesFile
            ? ':file:_files'
            : ':value:';
      const names = o.flags.length > 1 ? `{${o.flags.join(',')}}` : o.flags[0]!;
      const exclusive = o.flags.length > 1 ? `'(${o.flags.join(' ')})'` : '';
      return `      ${exclusive}${names}'[${zshText(o.description)}]${value}'`;
    });
    const words = positionalWords(c);
    const positional =
      words === 'files'
        ? `      ':file:_files'`
        : words
          ? `      '*:${TAKES_FUNCTIONS.has(c.name) ? 'function' : 'value'}:(${words.join(' ')})'`
          : '';
    return `    ${c.name})\n      _arguments -s \\\n${[...specs, positional].filter(Boolean).join(' \\\n')}\n      ;;`;
  });
  return `#compdef activ
# activ completion for zsh: save it as _activ in a folder of your $fpath
_activ() {
  local -a commands
  commands=(
${commandList}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
${cases.join('\n')}
  esac
}
compdef _activ activ
`;
}

/** Text in single quotes for fish. */
function fishText(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fish(commands: readonly CommandInfo[]): string {
  const lines = [
    '# activ completion for fish: save it as ~/.config/fish/completions/activ.fish',
    'complete -c activ -f',
  ];
  for (const c of commands) {
    lines.push(`complete -c activ -n __fish_use_subcommand -a ${c.name} -d ${fishText(c.description)}`);
  }
  for (const c of commands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    for (const o of c.options) {
      const names = o.flags
        .map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`))
        .join(' ');
      const value = !o.takesValue
        ? ''
        : o.choices
          ? ` -xa ${fishText(o.choices.join(' '))}`
          : o.takesFile
            ? ' -rF'
            : ' -x';
      lines.push(`complete -c activ ${when} ${names}${value} -d ${fishText(o.description)}`);
    }
    if (TAKES_FUNCTIONS.has(c.name))
      lines.push(`complete -c activ ${when} -a ${fishText(functionNames().join(' '))}`);
    if (c.name === 'batch') lines.push(`complete -c activ ${when} -F`);
  }
  lines.push(
    `complete -c activ -n '__fish_seen_subcommand_from completion' -a ${fishText(SHELLS.join(' '))}`,
  );
  return lines.join('\n') + '\n';
}

/** The completion script for `shell`, from the command tree `root`. */
export function completionScript(root: UntypedCommand, shell: Shell): string {
  const commands = describeTree(root).filter((c) => c.name !== 'help');
  return { bash, zsh, fish }[shell](commands);
}

/** `activ completion SHELL`, describing the command tree it is part of. */
export function completionCommand() {
  const command = new Command('completion')
    .description('print a completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  source <(activ completion bash)                     bash, for this shell
  activ completion bash > ~/.local/share/bash-completion/completions/activ
  activ completion zsh > "\${fpath[1]}/_activ"          zsh
  activ completion fish > ~/.config/fish/completions/activ.fish`,
    );
  return command.action(async (shell) => {
    const root = command.parent as UntypedCommand | null;
    if (root) await writeStdout(completionScript(root, shell));
  });
}
