import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // React components need a DOM: without it, `document is not defined`.
    environment: 'jsdom',
    // A restore derives keys with scrypt and runs the whole protocol: give it more than the 5 s default.
    testTimeout: 30_000,
  },
})
