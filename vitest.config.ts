import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Exports write times in the computer's time zone: the same zone on every machine the tests run on.
    env: { TZ: 'UTC' },
    testTimeout: 20_000
  }
})
