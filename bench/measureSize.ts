import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
 * ky and @noble/hashes inside and the peer `@seald-io/sdk` left out. The ratio counts every chunk
 * a save + retrieve loads when the SDK has its `utils.scrypt` (a real SDK always has): the entry
 * chunk, its static imports, and any chunk behind a dynamic `import()` other than the noble
 * scrypt fallback, which is listed beside it. Compared with the official plugin's browser build
 * (what its `browser` field resolves to), all gzip -9.
 */
export async function measureSize(): Promise<BenchRow[]> {
  const core = await bundle(`import SSKS2MR from 'ssks-2mr-kit/core'\nglobalThis.__ssks2mr = SSKS2MR`, ['@seald-io/sdk'])
  const loaded = core.chunks.filter((chunk) => chunk.loaded)
  const total = sum(loaded, 'gzip')
  const noble = core.chunks.filter((chunk) => !chunk.loaded)
  const officialFile = officialBrowserBuild()
  const official = gzipSize(readFileSync(officialFile))
  const rows: BenchRow[] = [
    {
      section: 'size',
      metric: 'core ESM, bundled+minified, gzip (chunks of a save + retrieve)',
      ours: kb(total),
      baseline: `${kb(official)} (official browser build)`,
      ratio: total / official,
      target: '≤ 0.15',
      met: total / official <= 0.15,
      note: [
        `${loaded.map((chunk) => `${chunk.file} ${chunk.gzip} B`).join(' + ')} = ${total} B vs ${official} B; ${kb(sum(loaded, 'minified'))} minified`,
        ...noble.map((chunk) => `+ ${chunk.file} ${chunk.gzip} B only without the SDK's utils.scrypt`),
      ].join('; '),
    },
  ]
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
    rows.push({ section: 'size', metric: 'react entry', ours: 'skipped', baseline: '-', note: 'src/react/index.ts missing' })
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
  /**
   * Fetched by a save + retrieve: eager, or behind a dynamic import that is not the scrypt
   * fallback (a chunk of @noble/hashes only, which only loads when the SDK has no `utils.scrypt`).
   */
  loaded: boolean
}

const sum = (chunks: Chunk[], key: 'minified' | 'gzip') => chunks.reduce((total, chunk) => total + chunk[key], 0)

/**
 * Bundles as an app's bundler does: ESM, code splitting on (so a dynamic `import()` becomes its
 * own chunk, as with Vite/Rollup/webpack), minified. Reports each chunk and when it loads.
 */
async function bundle(contents: string, external: string[]): Promise<{ chunks: Chunk[] }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'app-entry.js' },
    bundle: true,
    minify: true,
    splitting: true,
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
  const scryptFallback = (name: string) => Object.keys(outputs[name]!.inputs).every((input) => input.includes('node_modules/@noble/hashes/'))
  /** Chunks reached from `name`: static imports always, dynamic ones when `follow` says so. */
  const reach = (name: string, follow: (imported: string) => boolean, seen = new Set<string>()) => {
    if (seen.has(name)) return seen
    seen.add(name)
    for (const imported of outputs[name]!.imports) {
      if (imported.external) continue
      if (imported.kind === 'import-statement' || (imported.kind === 'dynamic-import' && follow(imported.path))) reach(imported.path, follow, seen)
    }
    return seen
  }
  const eager = reach(entry, () => false)
  const loaded = reach(entry, (imported) => !scryptFallback(imported))
  const chunks: Chunk[] = []
  for (const [name, code] of files) {
    if (!name.endsWith('.js')) continue
    const file = name === entry ? 'main' : name.replace(/^\.bench-out\//, '')
    chunks.push({ file, minified: code.length, gzip: gzipSize(code), eager: eager.has(name), loaded: loaded.has(name) })
  }
  return { chunks }
}

function officialBrowserBuild(): string {
  const require = createRequire(join(root, 'package.json'))
  const pkgJson = require.resolve('@seald-io/sdk-plugin-ssks-2mr/package.json')
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { browser: string }
  return join(dirname(pkgJson), pkg.browser)
}
