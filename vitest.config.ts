import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // tfjs's CPU backend is single-threaded and the long trajectory tests take a few seconds.
    testTimeout: 30_000,
  },
});
