/**
 * First-load JavaScript of the example apps (gzip), read from their production builds: what the
 * browser fetches before the user does anything (the HTML's scripts and module preloads, plus, for
 * Next.js, the client chunks its prerendered page references), and what is deferred to when the
 * backup/restore screen opens (the lazily loaded screen and the Seald SDK). Builds the examples first
 * when they are not built (`npm test` leaves them built).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import installExamples from '../test/examples/support/installExamples'
import { APP_ID, appBin, appDir } from '../test/examples/support/paths'
import { run } from '../test/examples/support/run'
import { gzipSize } from './gzipSize'
import type { BenchRow } from './types'

const nextDir = appDir('next-app')
const viteDir = appDir('vite-app')
const nextHTML = join(nextDir, '.next/server/app/index.html')
const viteHTML = join(viteDir, 'dist/index.html')
// A string only the Seald SDK's bundle holds (its start-up log line): marks the chunk the SDK is in.
const SDK_MARKER = 'Seald SDK - Start'

async function buildIfMissing(): Promise<void> {
  if (existsSync(nextHTML) && existsSync(viteHTML)) return
  await installExamples()
  const url = 'http://127.0.0.1:9/'
  await run(appBin('next-app', 'next'), ['build'], {
    cwd: nextDir,
    env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_PUBLIC_SEALD_APP_ID: APP_ID, NEXT_PUBLIC_SSKS_URL: url },
  })
  await run(appBin('vite-app', 'vite'), ['build'], {
    cwd: viteDir,
    env: { VITE_SEALD_APP_ID: APP_ID, VITE_SSKS_URL: url },
  })
}

interface Split {
  firstLoad: number
  deferred: number
  /** Whether the Seald SDK is among the first-load chunks (it should not be). */
  sdkInFirstLoad: boolean
}

function split(allChunks: string[], firstLoadChunks: Set<string>): Split {
  let firstLoad = 0
  let deferred = 0
  let sdkInFirstLoad = false
  for (const file of allChunks) {
    const code = readFileSync(file)
    if (firstLoadChunks.has(file)) {
      firstLoad += gzipSize(code)
      sdkInFirstLoad ||= code.includes(SDK_MARKER)
    } else if (code.includes(SDK_MARKER) || code.includes('data-ssks')) {
      // The lazily loaded screen (the kit's components) and the SDK.
      deferred += gzipSize(code)
    }
  }
  return { firstLoad, deferred, sdkInFirstLoad }
}

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name))

function viteSplit(): Split {
  const html = readFileSync(viteHTML, 'utf8')
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(([, path]) =>
    join(viteDir, 'dist', path!),
  )
  return split(jsFiles(join(viteDir, 'dist/assets')), new Set(referenced))
}

function nextSplit(): Split {
  const html = readFileSync(nextHTML, 'utf8')
  const referenced = [...html.matchAll(/static\/chunks\/[\w\-./]+?\.js/g)].map(([path]) => join(nextDir, '.next', path))
  return split(jsFiles(join(nextDir, '.next/static/chunks')), new Set(referenced))
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export async function measureExampleApps(): Promise<BenchRow[]> {
  await buildIfMissing()
  const rows: BenchRow[] = []
  for (const [app, measure] of [
    ['next-app', nextSplit],
    ['vite-app', viteSplit],
  ] as const) {
    const { firstLoad, deferred, sdkInFirstLoad } = measure()
    rows.push({
      section: 'examples',
      metric: `${app} first-load JS (gzip)`,
      ours: kb(firstLoad),
      baseline: kb(firstLoad + deferred),
      ratio: firstLoad / (firstLoad + deferred),
      note: `baseline: also loading up front what waits for the screen (${kb(deferred)}); Seald SDK in first load: ${sdkInFirstLoad ? 'YES' : 'no'}`,
    })
  }
  return rows
}
