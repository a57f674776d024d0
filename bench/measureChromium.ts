import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { startEmulator } from '../src/emulator/index'
import { chromiumLaunchOptions } from '../test/support/chromium'
import type { CandidateResult } from './chromium/scryptCandidates'
import type { BenchOptions, FlavourTimes } from './chromium/page'
import { nodeScryptFloor } from './nodeScryptFloor'
import { startBenchSession } from './startBenchSession'
import type { BenchRow } from './types'

const here = dirname(fileURLToPath(import.meta.url))
const authFactor = { type: 'EM' as const, value: 'bench@example.com' }

async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'chromium', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/**
 * Ours vs the official plugin in real Chromium (Debian's), in one page: real `@seald-io/sdk`
 * browser builds, the same emulator over HTTP on 127.0.0.1, `pairs` interleaved save + retrieve
 * cycles per key mode, the longest main-thread task of each cycle (PerformanceObserver
 * `longtask`), then each scrypt candidate per derivation beside node:crypto (the floor).
 */
export async function measureChromium({ pairs = 15, scryptRounds = 9 } = {}): Promise<BenchRow[]> {
  const [pageSource, workerSource] = await Promise.all([
    bundleForBrowser('page.ts'),
    bundleForBrowser('scryptWorker.ts'),
  ])
  const emulator = await startEmulator()
  const server = createServer((request, response) => {
    if (request.url === '/page.js')
      return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pageSource)
    response
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><meta charset="utf-8"><script src="/page.js"></script>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  try {
    const page = await browser.newPage()
    await page.exposeFunction('benchStartSession', (userId: string, forceAuth: boolean) =>
      startBenchSession(emulator, userId, authFactor, forceAuth),
    )
    // 127.0.0.1 is a secure context: WebCrypto and Web Locks are there, as on an HTTPS site.
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    const options: BenchOptions = { url: emulator.url, appId: emulator.appId, pairs, scryptRounds, workerSource }
    const result = (await page.evaluate((o) => window.runBench(o), options)) as {
      modes: Record<'twoManRuleKey' | 'rawTwoManRuleKey', Record<'ours' | 'official', FlavourTimes>>
      candidates: CandidateResult[]
    }
    return [...cycleRows(result.modes, pairs), ...candidateRows(result.candidates, await nodeScryptFloor(scryptRounds))]
  } finally {
    await browser.close()
    await new Promise((resolve) => server.close(resolve))
    await emulator.close()
  }
}

const targets = { twoManRuleKey: 0.3, rawTwoManRuleKey: 1 }

function cycleRows(
  modes: Record<'twoManRuleKey' | 'rawTwoManRuleKey', Record<'ours' | 'official', FlavourTimes>>,
  pairs: number,
): BenchRow[] {
  return (['twoManRuleKey', 'rawTwoManRuleKey'] as const).flatMap((keyKind) => {
    const { ours, official } = modes[keyKind]
    const ratio = median(ours.times) / median(official.times)
    const perPair = ours.times.map((time, i) => time / official.times[i]!)
    const longest = Math.max(...ours.longest)
    const mode = keyKind === 'twoManRuleKey' ? 'password (scrypt)' : 'raw key'
    return [
      {
        section: 'chromium',
        metric: `save+retrieve, ${mode}, median of ${pairs} interleaved pairs`,
        ours: `${median(ours.times).toFixed(1)} ms (${range(ours.times)})`,
        baseline: `${median(official.times).toFixed(1)} ms (${range(official.times)}) official`,
        ratio,
        target: `≤ ${targets[keyKind].toFixed(2)}`,
        met: ratio <= targets[keyKind],
        note: `per-pair ratio median ${median(perPair).toFixed(2)} (${range(perPair, 2)})`,
      },
      {
        section: 'chromium',
        metric: `longest main-thread task, ${mode}`,
        ours: longest ? `${longest.toFixed(0)} ms` : 'none > 50 ms',
        baseline: `${Math.max(...official.longest) ? `${Math.max(...official.longest).toFixed(0)} ms` : 'none > 50 ms'} official`,
        target: '≤ 50 ms',
        met: longest <= 50,
      },
    ]
  })
}

function candidateRows(candidates: CandidateResult[], floor: number[]): BenchRow[] {
  const native = median(floor)
  return candidates.map((candidate) => ({
    section: 'chromium scrypt',
    metric: `per derivation: ${candidate.name}`,
    ours: `${candidate.median.toFixed(1)} ms (${candidate.min.toFixed(0)}–${candidate.max.toFixed(0)})`,
    baseline: `${native.toFixed(1)} ms node:crypto (${range(floor)})`,
    ratio: candidate.median / native,
    note: [
      `longest task ${candidate.longestTask ? `${candidate.longestTask.toFixed(0)} ms` : 'none > 50 ms'}`,
      candidate.note,
    ]
      .filter(Boolean)
      .join('; '),
  }))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = (sorted.length - 1) / 2
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2
}

function range(values: number[], digits = 0): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`
}
