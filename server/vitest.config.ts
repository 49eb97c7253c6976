import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@inkproof/server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration suites open PGlite (first open ~5 s) and create PostgreSQL databases.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
