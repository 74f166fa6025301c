/**
 * A cache of V8's compiled code for the JavaScript activ loads at start-up: its own bundle,
 * Chart.js, node-canvas's and commander's modules. Compiling them was a fifth of a cold
 * `activ plot` (about 30 ms of 165, most of it Chart.js's 400 KB); reading the code V8 compiled
 * last time takes a third of that.
 *
 * Node 22 has this built in (module.enableCompileCache), and it is used where it exists. Node 20
 * does not, so there the cache is kept by hand, the way that API and the v8-compile-cache
 * package keep it: CommonJS modules are compiled with vm.Script and the code cache V8 made the
 * last time, and a module compiled without one has its cache written when the process exits
 * (after running, so the functions it ran are in it too). Only files inside activ's own package
 * are cached, in the user's own cache folder ($XDG_CACHE_HOME/activ or ~/.cache/activ, which
 * must belong to the user and be closed to others); V8 itself rejects a cache made by another
 * V8 or with other flags, or for other source. ACTIV_NO_COMPILE_CACHE=1 turns it off.
 *
 * Loaded before the rest of the command line (bin/activ.js, batch workers with --require), so
 * this module is small and depends on nothing of activ's.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

interface CompilingModule {
  exports: unknown;
  _compile: (this: CompilingModule, content: string, filename: string) => unknown;
}

interface ModuleInternals {
  prototype: CompilingModule;
  wrap(content: string): string;
  createRequire(filename: string): NodeJS.Require;
  enableCompileCache?: (directory: string) => unknown;
}

/** The user's cache folder for this Node and these V8 flags, or undefined if it cannot be used safely. */
function cacheFolder(): string | undefined {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const flags = crc32(process.execArgv.join('\0')).toString(16);
  const own = join(base, 'activ');
  const folder = join(own, `v8-${process.version}-${process.arch}-${flags}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const uid = process.getuid?.();
    // Code read from here runs as this user: nobody else may have written it, nor have been
    // able to put another folder in its place.
    for (const path of [own, folder]) {
      const stats = statSync(path);
      if ((uid !== undefined && stats.uid !== uid) || (stats.mode & 0o022) !== 0) return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

/** Install the cache for this process; harmless to call more than once. */
export function installCompileCache(): void {
  if (process.env.ACTIV_NO_COMPILE_CACHE || installed) return;
  installed = true;
  const folder = cacheFolder();
  if (folder === undefined) return;
  const modules = Module as unknown as ModuleInternals;
  if (typeof modules.enableCompileCache === 'function') {
    modules.enableCompileCache(folder);
    return;
  }
  // activ's package: the folder two above this module (dist/bundle/compile-cache.cjs).
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const original = modules.prototype._compile;
  const unsaved: { file: string; script: Script }[] = [];
  modules.prototype._compile = function compileWithCache(
    this: CompilingModule,
    content: string,
    filename: string,
  ) {
    if (!filename.startsWith(root)) return original.call(this, content, filename);
    // The file's name and a checksum of its text: an edited or reinstalled module gets a new
    // entry. (crc32 rather than a cryptographic hash: it only tells versions apart, at a tenth
    // of the cost, and node:crypto need not load; what is read back is also checked by V8 against
    // the source, and only this user can have written it.)
    const file = join(
      folder,
      `${crc32(filename).toString(16)}-${crc32(content).toString(16)}-${content.length}`,
    );
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    const script = new Script(modules.wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = modules.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (unsaved.length === 0) return;
    let entries: string[] = [];
    try {
      entries = readdirSync(folder);
    } catch {
      // unreadable now: nothing to prune
    }
    for (const { file, script } of unsaved) {
      try {
        // Whole or not at all: a concurrent run (a batch's workers) may be writing it too.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, file);
        // The same module's code from before an upgrade or a rebuild will not be read again:
        // without this the folder would grow by a few MB with every version installed.
        const entry = basename(file);
        const sameModule = entry.slice(0, entry.indexOf('-') + 1);
        for (const old of entries)
          if (old.startsWith(sameModule) && old !== entry && !old.endsWith('.tmp'))
            rmSync(join(folder, old), { force: true });
      } catch {
        // a full disk or a read-only home: the next run compiles again
      }
    }
  });
}

let installed = false;
