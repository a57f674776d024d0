import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

// Public entry points, built together so that shared modules (errors, masking, protocol constants)
// land in shared chunks: an app that imports both core and react gets one copy and one `SSKS2MRError`.
const entry = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  protocol: 'src/core/protocol/index.ts',
  react: 'src/react/index.ts',
  emulator: 'src/emulator/index.ts',
  'emulator-browser': 'src/emulator/browser.ts',
  server: 'src/server/index.ts',
  testing: 'src/testing/index.ts',
  'testing-browser': 'src/testing/browser.ts',
  'testing-msw': 'src/testing/msw/index.ts',
  'testing-playwright': 'src/testing/playwright/index.ts',
  cli: 'src/emulator/cli.ts',
}

const shared: Options = {
  entry,
  target: 'es2022',
  sourcemap: true,
  splitting: true,
  // tsup injects `baseUrl`, which TypeScript 6 deprecates (the d.ts step fails with TS5101).
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  // `clean` is unsafe with parallel configs (one deletes the other's output): the build script deletes dist/ first.
  clean: false,
}

// The stylesheet is shipped as is (plain CSS with variables), exported as `./react/styles.css`, with an
// empty declaration as its `types`: TypeScript (6 by default, 5.x with noUncheckedSideEffectImports)
// refuses `import 'ssks-2mr-kit/react/styles.css'` it cannot resolve, under node16/nodenext as under bundler.
async function copyStylesheet(): Promise<void> {
  mkdirSync('dist/react', { recursive: true })
  cpSync('src/react/styles.css', 'dist/react/styles.css')
  writeFileSync('dist/react/styles.css.d.ts', '// A stylesheet: imported for its side effect only.\nexport {}\n')
}

// React Server Components bundlers read `'use client'` only as a file's FIRST statement. esbuild keeps
// it first in ESM but writes `"use strict"` and its interop helpers before it in CJS, on line 1: move it
// to the start of that line (same line, so the source map's lines still match).
async function useClientFirstInCjs(): Promise<void> {
  const file = 'dist/react.cjs'
  const [first = '', ...rest] = readFileSync(file, 'utf8').split('\n')
  if (first.startsWith('"use client";')) return
  writeFileSync(file, [`"use client";${first.replace(/(['"])use client\1;/, '')}`, ...rest].join('\n'))
}

export default defineConfig([
  { ...shared, format: 'esm', onSuccess: copyStylesheet },
  // ky and @noble/hashes are ESM-only: a CJS build that keeps them external breaks at require time
  // (ERR_REQUIRE_ESM on Node < 20.19, `ky.default.create is not a function` after), so the CJS build
  // inlines them.
  { ...shared, format: 'cjs', noExternal: ['ky', '@noble/hashes'], onSuccess: useClientFirstInCjs },
  // React Native (the `react-native` export condition of `.` and `./core`): the core as one ESM
  // file, no chunks for Metro to resolve. It runs on the SDK's sscrypto and scrypt (Hermes has no
  // WebCrypto) and a hand-combined abort signal; the React entry is web-only.
  { ...shared, entry: { 'react-native': 'src/core/index.ts' }, format: 'esm', splitting: false },
])
