/**
 * The page's code costs a PNG nothing: no module of src/html runs in what the command line (or a
 * batch worker) does before it knows the format. Checked on the built bundle: esbuild wraps each
 * module that is imported lazily in an `init_...` function run on first import, and marks each
 * module's code with a `// src/...` comment. Every module of src/html must be such a lazy module,
 * started only from inside a dynamic import() (which esbuild writes as Promise.resolve().then)
 * or by another module of src/html. The page's own assets (dist/page/) are read only by them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bundle = (name: string) => readFileSync(new URL(`../dist/bundle/${name}`, import.meta.url), 'utf8');

/** The `init_` function of each src/html module in the bundle. */
function htmlInits(code: string): string[] {
  return [...code.matchAll(/var (init_\w+) = __esm\(\{\n\s+"src\/html\/[^"]+"/g)].map((m) => m[1]!);
}

/** The lines that call `init` other than from a dynamic import or from another src/html module. */
function eagerCalls(code: string, init: string, htmlModules: readonly string[]): string[] {
  const lines = code.split('\n');
  // Which module's code each line belongs to, from esbuild's `// src/...` markers.
  let module = '';
  const eager: string[] = [];
  lines.forEach((line) => {
    const marker = /^\/\/ (src\/\S+)$/.exec(line);
    if (marker) module = marker[1]!;
    if (!line.includes(`${init}()`)) return;
    if (/Promise\.resolve\(\)\.then\(\(\) => \(init_\w+\(\), \w+_exports\)\)/.test(line)) return;
    if (htmlModules.includes(module)) return;
    eager.push(`${module}: ${line.trim()}`);
  });
  return eager;
}

describe('start-up of a PNG', () => {
  for (const entry of ['cli.cjs', 'worker.cjs']) {
    it(`${entry} runs none of the page's code until a page is asked for`, () => {
      const code = bundle(entry);
      const inits = htmlInits(code);
      if (entry === 'cli.cjs') expect(inits.length).toBeGreaterThan(0);
      const htmlModules = [...code.matchAll(/^\/\/ (src\/html\/\S+)$/gm)].map((m) => m[1]!);
      for (const init of inits) expect(eagerCalls(code, init, htmlModules), init).toEqual([]);
      // Nothing of src/html outside a lazy module.
      expect(htmlModules.length).toBe(inits.length);
    });
  }
});
