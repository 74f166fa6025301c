/**
 * `node:module` for the page's bundle. The registry loads fastest-levenshtein through Node's
 * createRequire, so the command line pays for it only when a name is misspelt; a browser has no
 * createRequire, so the bundle maps `node:module` here (scripts/bundle-page.js), and the same
 * registry code gets the same package, bundled.
 */
import * as levenshtein from 'fastest-levenshtein';

const modules: Record<string, unknown> = { 'fastest-levenshtein': levenshtein };

export function createRequire(_from: string | URL): (name: string) => unknown {
  return (name) => {
    if (!Object.hasOwn(modules, name)) throw new Error(`the page has no module '${name}'`);
    return modules[name];
  };
}
