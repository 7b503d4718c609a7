import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real processes and servers; two cores run them side by side.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
