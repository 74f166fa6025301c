// The test files mutation testing runs (stryker.config.json): those that call activ's code in
// their own process. Tests that spawn bin/activ.js run a bundle the mutants never reach.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Stryker's vitest runner asks for worker threads; node-canvas crashes the process when a
      // thread that drew text ends (Pango frees its font map after the code is gone), so the
      // tests run in forked processes instead, as in `npm test`.
      name: 'activ:forks-for-node-canvas',
      enforce: 'post',
      configResolved(config: { test?: { pool?: string } }) {
        if (config.test) config.test.pool = 'forks';
      },
    },
  ],
  test: {
    include: [
      'test/plot-options.test.ts',
      'test/figures.test.ts',
      'test/matplotlib-look.test.ts',
      'test/terminal.test.ts',
      'test/ticks.test.ts',
      'test/tick-sweep.test.ts',
      'test/png.test.ts',
      'test/reduce.test.ts',
      'test/column-samples.test.ts',
      'test/text-metrics.test.ts',
      'test/properties.test.ts',
      'test/architecture.test.ts',
      'test/pdf-page.test.ts',
      'test/python-float.test.ts',
      'test/expressions.test.ts',
      'test/outputs.test.ts',
      'test/html-state.test.ts',
      'test/readme.test.ts',
      'test/chart-config.test.ts',
      'test/legend-placement.test.ts',
    ],
    testTimeout: 60_000,
  },
});
