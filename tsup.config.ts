import { defineConfig, type Options } from 'tsup'

// Public entry points; `react` carries a 'use client' banner so RSC frameworks treat it as a client module.
const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  emulator: 'src/emulator/index.ts',
  'emulator-browser': 'src/emulator/browser.ts',
  server: 'src/server/index.ts',
  testing: 'src/testing/index.ts',
  cli: 'src/emulator/cli.ts',
}
const reactEntry = { react: 'src/react/index.ts' }

const shared: Options = {
  target: 'es2022',
  sourcemap: true,
  splitting: true,
  // tsup injects `baseUrl`, which TypeScript 6 deprecates (TOOLCHAIN.md gotcha 1).
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  // `clean` is unsafe with parallel configs: the build script deletes dist/ first (gotcha 3).
  clean: false,
}

const useClient = { banner: { js: "'use client';" } }

export default defineConfig([
  { ...shared, entry: entries, format: 'esm' },
  { ...shared, ...useClient, entry: reactEntry, format: 'esm' },
  // ky is ESM-only: a CJS build that keeps it external breaks at require time (gotcha 2).
  { ...shared, entry: entries, format: 'cjs', noExternal: ['ky'] },
  { ...shared, ...useClient, entry: reactEntry, format: 'cjs' },
])
