/**
 * The compile cache (src/cli/compile-cache.ts): V8's code for activ's JavaScript kept in the
 * user's cache folder between runs. It must change nothing but the time: the same bytes out,
 * a damaged cache file replaced, a folder others may write never used, and off on request.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activ, emptyFolder } from './support/run-cli.js';

/** The files of the cache under `home` (XDG_CACHE_HOME), whatever folder this Node's are in. */
function cacheFiles(home: string): string[] {
  try {
    return readdirSync(join(home, 'activ')).flatMap((f) =>
      readdirSync(join(home, 'activ', f)).map((g) => join(home, 'activ', f, g)),
    );
  } catch {
    return [];
  }
}

const plot = ['plot', 'gelu', 'relu', '--title', '-o', '-'];

describe('the compile cache', () => {
  it('is written on the first run, used on the next, and changes no byte of the figure', () => {
    const home = emptyFolder();
    const first = activ(plot, { env: { XDG_CACHE_HOME: home } });
    expect(first.status).toBe(0);
    const files = cacheFiles(home);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(statSync(f).mode & 0o077, f).toBe(0);
    expect(statSync(join(home, 'activ')).mode & 0o077).toBe(0);
    const modified = files.map((f) => statSync(f).mtimeMs);
    const second = activ(plot, { env: { XDG_CACHE_HOME: home } });
    expect(second.stdout.equals(first.stdout)).toBe(true);
    // Used, not rewritten.
    expect(cacheFiles(home).map((f) => statSync(f).mtimeMs)).toEqual(modified);
    const uncached = activ(plot, { env: { ACTIV_NO_COMPILE_CACHE: '1' } });
    expect(uncached.stdout.equals(first.stdout)).toBe(true);
  });

  it('replaces a damaged cache file and runs as if none were there', () => {
    const home = emptyFolder();
    activ(plot, { env: { XDG_CACHE_HOME: home } });
    const largest = cacheFiles(home).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    writeFileSync(largest, Buffer.alloc(4096, 7), { mode: 0o600 });
    const run = activ(plot, { env: { XDG_CACHE_HOME: home } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(largest).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it("drops a module's entry from an earlier version when it writes the new one", () => {
    const home = emptyFolder();
    activ(plot, { env: { XDG_CACHE_HOME: home } });
    const files = cacheFiles(home);
    // An entry of the same module (same name checksum) with other content, as an upgrade leaves.
    const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const stale = largest.replace(/-[0-9a-f]+-\d+$/, '-0-1');
    writeFileSync(stale, 'old code', { mode: 0o600 });
    // The module's current entry is missing, so this run compiles it and writes it afresh.
    rmSync(largest);
    expect(activ(plot, { env: { XDG_CACHE_HOME: home } }).status).toBe(0);
    expect(cacheFiles(home).sort()).toEqual(files.sort());
  });

  it('is not used in a folder others may write, nor when ACTIV_NO_COMPILE_CACHE is set', () => {
    const home = emptyFolder();
    mkdirSync(join(home, 'activ'));
    chmodSync(join(home, 'activ'), 0o777);
    expect(activ(plot, { env: { XDG_CACHE_HOME: home } }).status).toBe(0);
    expect(cacheFiles(home)).toEqual([]);
    const off = emptyFolder();
    expect(activ(plot, { env: { XDG_CACHE_HOME: off, ACTIV_NO_COMPILE_CACHE: '1' } }).status).toBe(0);
    expect(cacheFiles(off)).toEqual([]);
  });
});
