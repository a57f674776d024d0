import { defineConfig } from 'vitest/config'

export default defineConfig({
  // React components need a DOM: without it, `document is not defined`.
  test: { environment: 'jsdom' },
})
