/**
 * Storybook for designers and for tests: every story also runs as a Vitest test in real Chromium
 * (the `storybook` project in vitest.config.ts), with the a11y addon failing a story on violations.
 *
 * Written by hand: `storybook init` cannot run offline (TOOLCHAIN.md gotcha 7).
 */
import type { StorybookConfig } from '@storybook/react-vite'

/**
 * URLs of a running emulator and demo back-end, injected by `npm start` (scripts/start.mjs).
 * Baked in at build time through `define`: when absent, the live stories run the emulator and the
 * demo back-end in the page itself, so a static build still works on its own.
 *
 * The demo back-end is the app's own server: the page reaches it on its own origin (`/demo/…`),
 * through the dev server's proxy, as an app calls its API. Its session route refuses cross-site
 * callers; `changeOrigin: false` keeps the browser's Host, so the route sees Origin == its own origin.
 */
const demoBackendTarget = process.env.SSKS_DEMO_BACKEND_URL ?? ''
const liveEnv = {
  SSKS_EMULATOR_URL: process.env.SSKS_EMULATOR_URL ?? '',
  SSKS_DEMO_BACKEND_URL: demoBackendTarget ? '/' : '',
  SSKS_APP_ID: process.env.SSKS_APP_ID ?? '',
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite')
    return mergeConfig(viteConfig, {
      server: {
        ...(demoBackendTarget ? { proxy: { '/demo/': { target: demoBackendTarget, changeOrigin: false } } } : {}),
        // The tests' static builds land in test-artifacts/ while `npm start` runs: their HTML
        // would make the dev server reload every open story.
        watch: { ignored: ['**/test-artifacts/**', '**/dist/**', '**/coverage/**'] },
      },
      define: {
        'import.meta.env.SSKS_EMULATOR_URL': JSON.stringify(liveEnv.SSKS_EMULATOR_URL),
        'import.meta.env.SSKS_DEMO_BACKEND_URL': JSON.stringify(liveEnv.SSKS_DEMO_BACKEND_URL),
        'import.meta.env.SSKS_APP_ID': JSON.stringify(liveEnv.SSKS_APP_ID),
      },
      // Vitest browser mode with a cold cache reloads mid-run when it discovers these late and
      // dies with "failed to find the current suite" (TOOLCHAIN.md gotcha 6): pre-bundle them.
      optimizeDeps: {
        include: [
          'react',
          'react-dom',
          'react-dom/client',
          '@tanstack/react-query',
          '@seald-io/sdk',
          '@seald-io/sdk/browser',
          'hono',
          'ky',
          '@noble/hashes/scrypt.js',
        ],
      },
      build: {
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          // react-query ships `"use client"` directives that the bundler reports and drops (gotcha 8).
          onwarn(warning: { code?: string }, warn: (w: unknown) => void) {
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
            warn(warning)
          },
        },
      },
    })
  },
}

export default config
