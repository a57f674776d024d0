/**
 * Every test of the package, as Vitest projects. `npm test` runs them all once.
 * - node:        core, emulator, server, testing kit, interop with the official plugin, faults
 * - sdk034:      the interop and flow suites again, on @seald-io/sdk 0.34.0-beta.7, plus its own cases
 * - no-webcrypto: the interop suite and the vectors with core cut off from crypto.subtle and AbortSignal.any/timeout
 * - react19 / react18: hooks and component states in jsdom, against both React majors
 * - browser:     ChallengeEntry and flows in real Chromium (typing, paste, focus, axe)
 * - storybook:   every story's play function (and axe) in real Chromium, via @storybook/addon-vitest
 * - e2e:         playwright-core on one static Storybook build: journeys, every story opened, visual baselines
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { chromiumLaunchOptions } from './test/support/chromium'

const r18 = (pkg: string) => fileURLToPath(new URL(`./test/react18/node_modules/${pkg}`, import.meta.url))
const sdk034 = fileURLToPath(new URL('./test/sdk034/node_modules/@seald-io/sdk', import.meta.url))

// The README's tester example runs as a real test in its own app (the `examples` project).
const reactTests = ['test/react/**/*.test.{ts,tsx}']
const jsdomSetup = ['test/support/jsdom-setup.ts']

/**
 * Real Chromium (Debian's), headless, for everything about typing, paste, focus, a11y.
 * A fresh object per project: Vitest names each instance after its project in place.
 */
const headlessChromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
})

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{core,emulator,server,testing,interop,faults,package,security,flow}/**/*.test.ts'],
          testTimeout: 30_000,
          // The real SDK prints "Seald SDK - Start" per instance; keep test output readable.
          env: { LOG_LEVEL: '*:none' },
        },
      },
      {
        // The same interop and flow suites on @seald-io/sdk 0.34.0-beta.7 (its own workspace folder).
        resolve: {
          alias: [
            { find: /^@seald-io\/sdk$/, replacement: sdk034 },
            { find: /^@seald-io\/sdk\/(.*)$/, replacement: `${sdk034}/$1` },
          ],
        },
        test: {
          name: 'sdk034',
          environment: 'node',
          include: ['test/interop/**/*.test.ts', 'test/core/flows.test.ts', 'test/sdk034/**/*.test.ts'],
          testTimeout: 30_000,
          env: { LOG_LEVEL: '*:none', EXPECTED_SEALD_SDK: '0.34.0-beta.7' },
        },
      },
      {
        // The interop suite and the vectors as on React Native: no crypto.subtle, AbortSignal.any/timeout.
        test: {
          name: 'no-webcrypto',
          environment: 'node',
          include: ['test/interop/**/*.test.ts', 'test/core/vectors.test.ts', 'test/core/noWebPlatform.test.ts'],
          setupFiles: ['test/support/hideWebPlatformFromCore.ts'],
          testTimeout: 30_000,
          env: { LOG_LEVEL: '*:none', NO_WEB_PLATFORM: '1' },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'react19',
          environment: 'jsdom',
          include: reactTests,
          setupFiles: jsdomSetup,
          testTimeout: 30_000,
          env: { EXPECTED_REACT_MAJOR: '19' },
        },
      },
      {
        plugins: [react()],
        resolve: {
          // The React 18 copy lives in its own workspace folder; inline the React-using deps so
          // they pick up the alias instead of resolving React 19 from the root node_modules.
          alias: [
            { find: /^react$/, replacement: r18('react') },
            { find: /^react\/(.*)$/, replacement: `${r18('react')}/$1` },
            { find: /^react-dom$/, replacement: r18('react-dom') },
            { find: /^react-dom\/(.*)$/, replacement: `${r18('react-dom')}/$1` },
            // Its `main` is CommonJS, whose require('react-dom/client') would skip the alias and load
            // React 19: point at its ESM build so the import goes through Vite.
            {
              find: /^@testing-library\/react$/,
              replacement: fileURLToPath(
                new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url),
              ),
            },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '18' },
          include: reactTests,
          setupFiles: jsdomSetup,
          testTimeout: 30_000,
          server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query'] } },
        },
      },
      {
        plugins: [react()],
        optimizeDeps: {
          include: ['react', 'react-dom/client', '@tanstack/react-query', 'axe-core', '@testing-library/react'],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          browser: headlessChromium(),
        },
      },
      {
        // Every story of stories/ as a test: render, run its play function, then axe (a11y.test = 'error').
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Everything the stories pull in, pre-bundled up front (a dependency discovered late makes Vite reload the page
        // mid-run, and Vitest then loses the suite).
        optimizeDeps: {
          include: [
            'react',
            'react-dom',
            'react-dom/client',
            'react/jsx-runtime',
            'react/jsx-dev-runtime',
            '@tanstack/react-query',
            '@seald-io/sdk',
            '@seald-io/sdk/browser',
            'hono',
            'ky',
            '@noble/hashes/scrypt.js',
            'storybook/test',
            'storybook/viewport',
          ],
        },
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: headlessChromium(),
        },
      },
      {
        // Real Chromium on one static Storybook build (built once, by the global setup): the journeys,
        // every story and docs page as a designer opens them, and the visual baselines.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts', 'test/storybook-static/**/*.test.ts', 'test/visual/**/*.test.ts'],
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Files side by side (each its own server and browser): they mostly wait on renders, so two overlap
          // well on CI's two cores; within a file, two it.concurrent pages at once (the stories run real crypto).
          maxConcurrency: 2,
        },
      },
      {
        // The example apps (examples/), installed from the packed tarball, built and driven in Chromium.
        test: {
          name: 'examples',
          environment: 'node',
          include: ['test/examples/**/*.test.ts'],
          globalSetup: ['test/examples/support/installExamples.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
