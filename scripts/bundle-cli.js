#!/usr/bin/env node
// Bundles the command line into dist/bundle/ after tsc has checked and compiled src/:
//   cli.cjs            the command line (bin/activ.js loads it);
//   worker.cjs         a batch worker process;
//   compile-cache.cjs  V8's code cache for activ's JavaScript (src/cli/compile-cache.ts), loaded
//                      first by bin/activ.js; register-compile-cache.cjs installs it in a worker.
// Why one CommonJS file each: Node's ESM loader charges for every file it resolves and reads
// (the CLI spread over ~50 files started 60 ms slower than bundled, and an ESM bundle with lazy
// chunks still ~9 ms slower than one CommonJS file), and only CommonJS modules can be compiled
// with a code cache on Node 20. Code a command does not run costs little in the one file: V8
// compiles a function when it is first called. The library (dist/index.js, with its .d.ts files)
// stays as tsc wrote it. Packages stay external, but for color-name, which is ESM only and so
// cannot be required.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => name !== 'color-name')
  .flatMap((name) => [name, `${name}/*`]);

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: {
    cli: 'src/cli/main.ts',
    worker: 'src/batch/worker.ts',
    'compile-cache': 'src/cli/compile-cache.ts',
    'register-compile-cache': 'src/cli/register-compile-cache.ts',
  },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // import() of a package becomes require(): the packages are CommonJS, and a module compiled
  // from the code cache (vm.Script) has no loader for a real dynamic import on Node 20.
  supported: { 'dynamic-import': false },
  // The sources find files beside them (the worker, package.json, the page's assets) from
  // import.meta.url, which CommonJS spells with __filename.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
