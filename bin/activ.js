#!/usr/bin/env node
// The installed command. It runs the compiled library in dist/ (built by `npm install` through
// the `prepare` script); nothing is compiled at run time.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
