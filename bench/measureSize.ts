import { existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { gzipSize } from './gzipSize'
import type { BenchRow } from './types'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/**
 * What an app ships: esbuild bundles `import SSKS2MR from 'ssks-2mr-kit/core'` (resolved through
 * the package's own exports → dist/, so `npm run build` first), minified for the browser, with
 * ky and @noble/hashes inside and the peer `@seald-io/sdk` left out — both ways an app's bundler
 * does it: one file (esbuild without splitting inlines the lazy scrypt chunk), and code split
 * (every chunk a browser save + retrieve loads: in browsers that includes noble's scrypt). The
 * official plugin is bundled the same two ways from `import ... from '@seald-io/sdk-plugin-ssks-2mr'`
 * (its `browser` build). All gzip -9.
 */
export async function measureSize(): Promise<BenchRow[]> {
  const ourEntry = `import SSKS2MR from 'ssks-2mr-kit/core'\nglobalThis.__ssks2mr = SSKS2MR`
  const officialEntry = `import SSKS2MR from '@seald-io/sdk-plugin-ssks-2mr'\nglobalThis.__ssks2mr = SSKS2MR`
  const rows: BenchRow[] = []
  for (const splitting of [false, true]) {
    const core = await bundle(ourEntry, ['@seald-io/sdk'], splitting)
    const official = await bundle(officialEntry, ['@seald-io/sdk'], splitting)
    const total = sum(core.chunks, 'gzip')
    const officialTotal = sum(official.chunks, 'gzip')
    rows.push({
      section: 'size',
      metric: `core, browser, ${splitting ? 'code split (every chunk a save + retrieve loads)' : 'single bundle'}, gzip`,
      ours: `${total} B`,
      baseline: `${officialTotal} B (official, bundled the same way)`,
      ratio: total / officialTotal,
      target: '≤ 0.30',
      met: total / officialTotal <= 0.3,
      note: `${core.chunks.map((chunk) => `${chunk.file} ${chunk.gzip} B`).join(' + ')}; ${kb(sum(core.chunks, 'minified'))} minified`,
    })
  }
  if (existsSync(join(root, 'src/react/index.ts'))) {
    const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@seald-io/sdk']
    const react = await bundle(`import * as kit from 'ssks-2mr-kit/react'\nglobalThis.__kit = kit`, peers)
    const eager = react.chunks.filter((chunk) => chunk.eager)
    const gzip = sum(eager, 'gzip')
    rows.push({
      section: 'size',
      metric: 'react entry, peers excluded, gzip',
      ours: kb(gzip),
      baseline: '12 KB budget',
      ratio: gzip / (12 * 1024),
      target: '≤ 12 KB',
      met: gzip <= 12 * 1024,
      note: `${kb(sum(eager, 'minified'))} minified; + ${kb(sum(react.chunks, 'gzip') - gzip)} gzip lazy; CSS not counted`,
    })
  } else {
    rows.push({
      section: 'size',
      metric: 'react entry',
      ours: 'skipped',
      baseline: '-',
      note: 'src/react/index.ts missing',
    })
  }
  return rows
}

interface Chunk {
  /** `main` for the entry chunk, else the output file, e.g. `scrypt-XXXX.js`. */
  file: string
  minified: number
  /** gzip -9 of the file. */
  gzip: number
  /** The entry chunk or one of its static imports: fetched up front. */
  eager: boolean
}

const sum = (chunks: Chunk[], key: 'minified' | 'gzip') => chunks.reduce((total, chunk) => total + chunk[key], 0)

/**
 * Bundles as an app's bundler does: ESM, code splitting on (so a dynamic `import()` becomes its
 * own chunk, as with Vite/Rollup/webpack), minified. Reports each chunk and when it loads.
 */
async function bundle(contents: string, external: string[], splitting = true): Promise<{ chunks: Chunk[] }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'app-entry.js' },
    bundle: true,
    minify: true,
    splitting,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(root, '.bench-out'),
    external: external.flatMap((name) => [name, `${name}/*`]),
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: false,
    logLevel: 'silent',
  })
  const outputs = result.metafile!.outputs
  const files = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.contents]))
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint !== undefined)!
  /** Chunks reached from `name` by static imports. */
  const reach = (name: string, seen = new Set<string>()) => {
    if (seen.has(name)) return seen
    seen.add(name)
    for (const imported of outputs[name]!.imports)
      if (!imported.external && imported.kind === 'import-statement') reach(imported.path, seen)
    return seen
  }
  const eager = reach(entry)
  const chunks: Chunk[] = []
  for (const [name, code] of files) {
    if (!name.endsWith('.js')) continue
    const file = name === entry ? 'main' : name.replace(/^\.bench-out\//, '')
    chunks.push({ file, minified: code.length, gzip: gzipSize(code), eager: eager.has(name) })
  }
  return { chunks }
}
