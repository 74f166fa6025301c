// Installs the compile cache when preloaded with `node --require` (batch workers), so the
// worker's own bundle is read from the cache too (see compile-cache.ts).
import { installCompileCache } from './compile-cache.js';

installCompileCache();
