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
  // ky and @noble/hashes are ESM-only: a CJS build that keeps them external breaks at require time
  // on Node < 20.19 (TOOLCHAIN.md gotcha 2), so the CJS build inlines them.
  { ...shared, entry: entries, format: 'cjs', noExternal: ['ky', '@noble/hashes'] },
  { ...shared, ...useClient, entry: reactEntry, format: 'cjs' },
])
