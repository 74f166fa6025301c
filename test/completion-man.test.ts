/**
 * The conveniences a user expects of a command-line tool: shell completion generated from the
 * command tree and registry, a manual page generated from the help at build time, and -v.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activ, emptyFolder } from './support/run-cli.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

/** What bash completes for the words typed so far (the last one being completed). */
function bashCompletes(script: string, words: string[]): string[] {
  const file = join(emptyFolder(), 'activ.bash');
  writeFileSync(file, script);
  const array = words.map((w) => `'${w}'`).join(' ');
  const run = spawnSync(
    'bash',
    [
      '-c',
      `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _activ; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    {
      encoding: 'utf8',
    },
  );
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean);
}

describe('activ completion', () => {
  const bash = activ(['completion', 'bash']).stdout.toString();

  it('bash: completes activ plot el<TAB> to elu', () => {
    expect(bashCompletes(bash, ['activ', 'plot', 'el'])).toEqual(['elu']);
  });

  it('bash: completes commands, options, their choices, function names and aliases', () => {
    expect(bashCompletes(bash, ['activ', 'ta'])).toEqual(['table']);
    expect(bashCompletes(bash, ['activ', 'plot', 'elu', '--deriv'])).toEqual([
      '--derivative',
      '--derivative-only',
    ]);
    expect(bashCompletes(bash, ['activ', 'plot', 'elu', '--format', ''])).toEqual([
      'png',
      'svg',
      'pdf',
      'html',
      'term',
    ]);
    expect(bashCompletes(bash, ['activ', 'table', 'elu', '--format', 'j'])).toEqual(['json']);
    expect(bashCompletes(bash, ['activ', 'eval', 'swi'])).toEqual(['swish']);
    expect(bashCompletes(bash, ['activ', 'plot', 'relu', '--negative-sl'])).toEqual(['--negative-slope']);
    expect(bashCompletes(bash, ['activ', 'completion', 'f'])).toEqual(['fish']);
  });

  it.skipIf(!has('fish'))('fish: completes activ plot el to elu, and --format to its choices', () => {
    const file = join(emptyFolder(), 'activ.fish');
    writeFileSync(file, activ(['completion', 'fish']).stdout);
    const run = (line: string) =>
      spawnSync('fish', ['-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' }).stdout;
    expect(run('activ plot el').split('\n')[0]).toBe('elu');
    expect(
      run('activ plot elu --format ')
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(expect.arrayContaining(['png', 'svg', 'pdf', 'term']));
  });

  it.skipIf(!has('zsh'))('zsh: the script is valid zsh', () => {
    const file = join(emptyFolder(), '_activ');
    writeFileSync(file, activ(['completion', 'zsh']).stdout);
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
  });

  it('refuses a shell it does not know, in one line', () => {
    const run = activ(['completion', 'csh']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("activ: the shell must be one of bash, zsh, fish, not 'csh'\n");
  });
});

describe('the manual page', () => {
  const page = new URL('../dist/activ.1', import.meta.url);

  it('is built from the help and installed by package.json', () => {
    expect(existsSync(page)).toBe(true);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      man: string;
      files: string[];
    };
    expect(pkg.man).toBe('./dist/activ.1');
    expect(pkg.files).toContain('dist');
    const text = readFileSync(page, 'utf8');
    expect(text).toMatch(/^\.TH ACTIV 1 /);
    for (const command of ['plot', 'list', 'eval', 'table', 'gallery', 'batch', 'completion']) {
      expect(text).toContain(`.SS activ ${command}`);
    }
    // The options as --help words them, examples included.
    expect(text).toContain('--derivative-only');
    expect(text).toContain('activ plot elu --alpha 1 --from -20 --to 20');
  });

  it.skipIf(!has('man'))('renders with man without warnings', () => {
    const run = spawnSync('man', ['--warnings', '-l', new URL(page).pathname], {
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '80' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('activ plot');
  });
});

describe('-v', () => {
  it('prints the version, as --version does', () => {
    const version = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    expect(activ(['-v']).stdout.toString()).toBe(`${version}\n`);
    expect(activ(['--version']).stdout.toString()).toBe(`${version}\n`);
  });
});
