/**
 * The page's code costs a PNG nothing: no module of src/html is in what the command line (or a
 * batch worker) loads before it knows the format. Checked on the built bundle (esbuild keeps a
 * `// src/...` comment above each module's code): the modules reachable from the entry points
 * through static imports hold none of src/html, which only a dynamic import() reaches.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bundle = new URL('../dist/bundle/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, bundle), 'utf8');

/** The bundle files an entry loads at start-up: itself and its static imports, transitively. */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    // `import {...} from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
    for (const match of read(name).matchAll(/\bimport\s*(?:[^"();]*?\bfrom\s*)?"\.\/([^"]+)"/g))
      visit(match[1]!);
  };
  visit(entry);
  return seen;
}

describe('start-up of a PNG', () => {
  it('loads none of the page code; only a dynamic import reaches it', () => {
    const everything = readdirSync(bundle).filter((f) => f.endsWith('.js'));
    const withPageCode = everything.filter((f) => read(f).includes('// src/html/'));
    expect(withPageCode.length).toBeGreaterThan(0);
    expect(loadedAtStart('cli.js').size).toBeGreaterThan(1);
    for (const entry of ['cli.js', 'worker.js'])
      expect([...loadedAtStart(entry)].filter((f) => withPageCode.includes(f))).toEqual([]);
    // The plot command's code, loaded at start, reaches the page's module by import() alone.
    expect([...loadedAtStart('cli.js')].some((f) => /import\("\.\/write-page-\w+\.js"\)/.test(read(f)))).toBe(
      true,
    );
  });
});
