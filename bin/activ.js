#!/usr/bin/env node
// The installed command. It loads the command line as built into dist/bundle/ by `npm install`
// (through the `prepare` script), V8's code cache for it first; nothing is compiled from
// TypeScript at run time.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../dist/bundle/compile-cache.cjs').installCompileCache();
const { main } = require('../dist/bundle/cli.cjs');
process.exitCode = await main(process.argv.slice(2));
