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
 * ky and @noble/hashes inside and the peer `@seald-io/sdk` left out. The ratio counts what loads
 * up front; chunks behind a dynamic import() are reported beside it. Compared with the official
 * plugin's browser build (what its `browser` field resolves to), all gzip -9.
 */
export async function measureSize(): Promise<BenchRow[]> {
  const core = await bundle(`import SSKS2MR from 'ssks-2mr-kit/core'\nglobalThis.__ssks2mr = SSKS2MR`, ['@seald-io/sdk'])
  const officialFile = officialBrowserBuild()
  const official = gzipSize(readFileSync(officialFile))
  const rows: BenchRow[] = [
    {
      section: 'size',
      metric: 'core ESM, bundled+minified, gzip',
      ours: kb(core.gzip),
      baseline: `${kb(official)} (official browser build)`,
      ratio: core.gzip / official,
      target: '≤ 0.15',
      met: core.gzip / official <= 0.15,
      note: `${kb(core.minified)} minified; + ${kb(core.lazyGzip)} gzip lazy (dynamic import)`,
    },
  ]
  if (existsSync(join(root, 'src/react/index.ts'))) {
    const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@seald-io/sdk']
    const react = await bundle(`import * as kit from 'ssks-2mr-kit/react'\nglobalThis.__kit = kit`, peers)
    rows.push({
      section: 'size',
      metric: 'react entry, peers excluded, gzip',
      ours: kb(react.gzip),
      baseline: '12 KB budget',
      ratio: react.gzip / (12 * 1024),
      target: '≤ 12 KB',
      met: react.gzip <= 12 * 1024,
      note: `${kb(react.minified)} minified; + ${kb(react.lazyGzip)} gzip lazy; CSS not counted`,
    })
  } else {
    rows.push({ section: 'size', metric: 'react entry', ours: 'skipped', baseline: '-', note: 'src/react/index.ts missing' })
  }
  return rows
}

interface BundleSize {
  /** Minified bytes loaded up front (entry chunk and its static imports). */
  minified: number
  /** Sum of gzip -9 of those files. */
  gzip: number
  /** gzip of chunks only reached through dynamic `import()` (fetched when first needed). */
  lazyGzip: number
}

/**
 * Bundles as an app's bundler does: ESM, code splitting on (so a dynamic `import()` becomes its
 * own chunk, as with Vite/Rollup/webpack), minified. Counts what loads up front separately
 * from lazily loaded chunks.
 */
async function bundle(contents: string, external: string[]): Promise<BundleSize> {
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
  const eager = new Set<string>()
  const visit = (name: string) => {
    if (eager.has(name)) return
    eager.add(name)
    for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  visit(entry)
  let minified = 0
  let gzip = 0
  let lazyGzip = 0
  for (const [name, code] of files) {
    if (!name.endsWith('.js')) continue
    if (eager.has(name)) {
      minified += code.length
      gzip += gzipSize(code)
    } else lazyGzip += gzipSize(code)
  }
  return { minified, gzip, lazyGzip }
}

function officialBrowserBuild(): string {
  const require = createRequire(join(root, 'package.json'))
  const pkgJson = require.resolve('@seald-io/sdk-plugin-ssks-2mr/package.json')
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { browser: string }
  return join(dirname(pkgJson), pkg.browser)
}
