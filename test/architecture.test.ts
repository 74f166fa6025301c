/**
 * The layers of docs/architecture.md, held by reading every import in src/: each layer imports
 * only from the layers below it, and no module reaches back up through a cycle. The library's
 * errors speak its own words (parameter and field names), never the command line's flags.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidValueError, UsageError } from '../src/errors.js';
import { derivative, evaluate, tabulate } from '../src/evaluation.js';
import { plotSpec, type PlotRequest } from '../src/plot-spec.js';
import { plot } from '../src/index.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module each module imports (static, dynamic and type-only alike), as paths under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
      relative(SRC, resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

const graph = importGraph();

/** The layer a module belongs to, by its place in src/. */
function layer(module: string): string {
  const top = module.split('/')[0]!;
  return module.includes('/') ? top : module.replace(/\.ts$/, '');
}

describe('layers point down', () => {
  // What each layer may import, besides itself. The root modules between them (errors,
  // number-text, sampling, plot-spec, ...) are listed where they are allowed.
  const pure = ['errors', 'yield-point', 'number-text'];
  const rules: Record<string, (target: string) => boolean> = {
    math: (t) => ['math', ...pure].includes(layer(t)),
    activations: (t) => ['activations', 'math', ...pure].includes(layer(t)),
    // Each framework's view of the registry: above it, below everything that draws or parses.
    flavors: (t) => ['flavors', 'activations', 'math', ...pure].includes(layer(t)),
    // Expressions build on the registry and the math, and know nothing of figures or flags.
    expression: (t) => ['expression', 'activations', 'math', ...pure].includes(layer(t)),
    look: (t) => ['look', ...pure].includes(layer(t)),
    figure: (t) => !['cli', 'arguments', 'batch', 'gallery', 'output-file'].includes(layer(t)),
    'plot-spec': (t) => !['figure', 'cli', 'arguments', 'batch'].includes(layer(t)),
    arguments: (t) => !['cli', 'batch'].includes(layer(t)),
    batch: (t) => layer(t) !== 'cli',
    // The page: the figure and the registry in the browser; of the command line only its words.
    html: (t) =>
      !['cli', 'batch'].includes(layer(t)) && (layer(t) !== 'arguments' || t === 'arguments/flag-names.ts'),
  };
  for (const [name, allowed] of Object.entries(rules)) {
    it(`${name} imports only what lies below it`, () => {
      const offending = [...graph].flatMap(([module, targets]) =>
        layer(module) === name
          ? targets.filter((t) => layer(t) !== name && !allowed(t)).map((t) => `${module} -> ${t}`)
          : [],
      );
      expect(offending).toEqual([]);
    });
  }

  it('has no import cycle', () => {
    // Tarjan's strongly connected components: any component of two or more modules is a cycle.
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    const visit = (v: string) => {
      indices.set(v, index);
      low.set(v, index++);
      stack.push(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!indices.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
      if (low.get(v) === indices.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!indices.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});

describe("the library's errors name no flags", () => {
  const misuses: [string, () => unknown][] = [
    ['a parameter out of range', () => evaluate('softplus', [1], { beta: 0 })],
    ['a parameter of the wrong kind', () => derivative('elu', [1], { alpha: 'big' })],
    ['a choice not offered', () => evaluate('gelu', [1], { approximate: 'erf' })],
    ['too few samples', () => tabulate('elu', { from: -1, to: 1, samples: 1 })],
    ['a range the wrong way round', () => tabulate('elu', { from: 1, to: -1, samples: 5 })],
    ["an expression's parameter not given", () => evaluate('x*sigmoid(b*x)', [1])],
    ["an expression's parameter it does not use", () => evaluate('x*sigmoid(b*x)', [1], { b: 1, c: 2 })],
    ['a syntax error in an expression', () => evaluate('x*(', [1])],
  ];
  const requests: [string, PlotRequest][] = [
    ['a dpi too high', { functions: [{ name: 'elu' }], dpi: 5000 }],
    ['a line width of 0', { functions: [{ name: 'elu' }], lineWidth: 0 }],
    ['an unknown colour', { functions: [{ name: 'elu' }], colors: ['nope'] }],
    ['an unknown theme', { functions: [{ name: 'elu' }], theme: 'neon' as 'dark' }],
    ['view limits the wrong way round', { functions: [{ name: 'elu' }], xlim: [2, 1] }],
    ['an unknown legend location', { functions: [{ name: 'elu', params: {} }], legend: 'top' as 'best' }],
    ['a width too small', { functions: [{ name: 'elu' }], width: 3 }],
  ];
  for (const [what, call] of [
    ...misuses,
    ...requests.map(([w, r]) => [w, () => plotSpec(r)] as [string, () => unknown]),
  ]) {
    it(what, () => {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).not.toMatch(/--/);
    });
  }

  it('says which parameter, which bound and which value, in parts the command line rewords', () => {
    let caught: unknown;
    try {
      evaluate('softplus', [1], { beta: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidValueError);
    expect((caught as Error).message).toBe('softplus: beta must be > 0, not 0');
  });

  it('plot() refuses the terminal format in its own words', async () => {
    await expect(plot({ functions: [{ name: 'elu' }], format: 'term' })).rejects.toThrow(
      /^format must be png, svg, pdf or html/,
    );
  });
});
