import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // DuckDB files and servers per test file; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
