#!/usr/bin/env node
// The installed command. It runs the command line as compiled and bundled into dist/bundle/ (built
// by `npm install` through the `prepare` script); nothing is compiled at run time.
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
