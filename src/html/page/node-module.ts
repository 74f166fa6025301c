/**
 * `node:module` for the page's bundle. The registry loads fastest-levenshtein, and expressions
 * their parser (jsep), through Node's createRequire, so the command line pays for each only when
 * it is needed; a browser has no createRequire, so the bundle maps `node:module` here
 * (scripts/bundle-page.js), and the same code gets the same packages, bundled.
 */
import * as levenshtein from 'fastest-levenshtein';
import jsep from 'jsep';

const modules: Record<string, unknown> = { 'fastest-levenshtein': levenshtein, jsep };

export function createRequire(_from: string | URL): (name: string) => unknown {
  return (name) => {
    if (!Object.hasOwn(modules, name)) throw new Error(`the page has no module '${name}'`);
    return modules[name];
  };
}
