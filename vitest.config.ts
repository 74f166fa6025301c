import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-first.ts'],
    // The CLI tests spawn the built bin and render figures; give them room on a shared 2-core box.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
