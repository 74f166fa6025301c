#!/usr/bin/env node
// Writes dist/activ.1, activ's manual page, from the command line's own help (run by
// `npm run build` after the bundle): every command's options and examples, as `--help` prints
// them, so the page cannot drift from the program. package.json's "man" field installs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { program } = createRequire(import.meta.url)('../dist/bundle/cli.cjs');

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Text as roff reads it literally: backslashes doubled, a leading dot or quote escaped. */
function roff(text) {
  return text
    .replace(/\\/g, '\\e')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** Help text in a no-fill block, so its columns stay as commander laid them out. */
function verbatim(text) {
  return ['.nf', roff(text.trimEnd()), '.fi'].join('\n');
}

const root = program();
// Help as a terminal 80 columns wide, whatever the terminal running the build is.
root.configureHelp({ helpWidth: 80 });
for (const command of root.commands) command.configureHelp({ helpWidth: 80 });

const sections = [
  `.TH ACTIV 1 "" "activ ${pkg.version}" "User Commands"`,
  '.SH NAME',
  `activ \\- ${roff(root.description())}`,
  '.SH SYNOPSIS',
  '.B activ',
  '.I command',
  '[\\fIoptions\\fR]',
  '.SH DESCRIPTION',
  roff(pkg.description) + '.',
  verbatim(root.helpInformation()),
  '.SH COMMANDS',
  ...root.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => [`.SS activ ${c.name()}`, verbatim(c.helpInformation() + helpAfter(c))]),
  '.SH EXIT STATUS',
  '0 on success; 2 for a mistake in the request (a name, a number, a combination, a bad line);',
  '1 when the environment fails (a folder that does not exist, a full disk);',
  '130, 143 and 129 after SIGINT, SIGTERM and SIGHUP.',
  '.SH ENVIRONMENT',
  '.TP',
  '.B COLUMNS, LINES',
  'The size of the terminal drawing (--format term).',
  '.TP',
  '.B NO_COLOR',
  'No colours in the terminal drawing.',
  '.TP',
  '.B ACTIV_DEBUG',
  'Set to 1 to show stack traces for errors, as --debug does.',
  '.SH SEE ALSO',
  'The README of the activ package, and https://matplotlib.org/ for the look activ follows.',
];

/** The text a command adds after its option list (examples), which helpInformation leaves out. */
function helpAfter(command) {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: () => {} });
  command.exitOverride();
  try {
    command.outputHelp();
  } catch {
    // outputHelp does not throw; exitOverride only keeps it from exiting
  }
  return text.slice(command.helpInformation().length);
}

writeFileSync(new URL('../dist/activ.1', import.meta.url), sections.join('\n') + '\n');
