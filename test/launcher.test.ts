// bin/activ.js, the installed command: a `#!/usr/bin/env node` script that npm links into
// node_modules/.bin (and, on Windows, wraps in its own shim).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, emptyFolder } from './support/run-cli.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function run(command: string, args: readonly string[]) {
  const result = spawnSync(command, args, { cwd: emptyFolder(), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/activ.js', () => {
  it('is an executable node script with a portable shebang', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('runs through a relative symlink, as npm installs it, and through a link to that link', () => {
    const root = emptyFolder();
    const dotBin = join(root, 'node_modules', '.bin');
    mkdirSync(dotBin, { recursive: true });
    symlinkSync(relative(dotBin, BIN), join(dotBin, 'activ'));
    symlinkSync(join(dotBin, 'activ'), join(root, 'activ'));
    expect(run(join(dotBin, 'activ'), ['--version']).stdout.trim()).toBe(VERSION);
    expect(run(join(root, 'activ'), ['-v']).stdout.trim()).toBe(VERSION);
  });

  it('passes arguments through untouched, and the exit code back', () => {
    const ok = run(BIN, ['eval', 'relu', '--', '-1.5', '2']);
    expect(ok).toMatchObject({ status: 0, stdout: '0\n2\n' });
    const bad = run(BIN, ['eval', 'relu', 'one two']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'one two'");
  });
});
