// bin/activ, the installed command: a sh launcher that runs bin/activ.js without
// NODE_EXTRA_CA_CERTS (see the comment there). npm installs it as a symlink in node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, emptyFolder } from './support/run-cli.js';

const LAUNCHER = fileURLToPath(new URL('../bin/activ', import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: emptyFolder(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/activ', () => {
  it('is what package.json installs as `activ`', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin.activ).toBe('bin/activ');
  });

  it('runs activ through a relative symlink, as npm installs it, and through a link to that link', () => {
    const root = emptyFolder();
    const dotBin = join(root, 'node_modules', '.bin');
    mkdirSync(dotBin, { recursive: true });
    symlinkSync(relative(dotBin, LAUNCHER), join(dotBin, 'activ'));
    symlinkSync(join(dotBin, 'activ'), join(root, 'activ'));
    expect(run(join(dotBin, 'activ'), ['--version']).stdout.trim()).toBe(VERSION);
    expect(run(join(root, 'activ'), ['--version']).stdout.trim()).toBe(VERSION);
  });

  it('passes arguments through untouched, and the exit code back', () => {
    const ok = run(LAUNCHER, ['eval', 'relu', '--', '-1.5', '2']);
    expect(ok).toMatchObject({ status: 0, stdout: '0\n2\n' });
    const bad = run(LAUNCHER, ['eval', 'relu', 'one two']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'one two'");
  });

  it('starts Node without NODE_EXTRA_CA_CERTS, which Node 20 would load before activ runs', () => {
    // Node warns at start-up when the file cannot be loaded: the warning shows that it was read.
    const env = { NODE_EXTRA_CA_CERTS: join(emptyFolder(), 'no-such-bundle.pem') };
    expect(run(process.execPath, [BIN, '--version'], env).stderr).toContain('Ignoring extra certs');
    const launched = run(LAUNCHER, ['--version'], env);
    expect(launched).toMatchObject({ status: 0, stderr: '' });
    expect(launched.stdout.trim()).toBe(VERSION);
  });
});
