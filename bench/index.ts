/**
 * `npm run bench`: every benchmark in one run, each a ratio measured side by side on this
 * machine (ours vs a baseline), printed as one table. Targets are reported, not asserted: the
 * process fails only if a benchmark crashes.
 */
import { countHttpCalls } from './countHttpCalls'
import { measureChromium } from './measureChromium'
import { measureExampleApps } from './measureExampleApps'
import { measureLatency } from './measureLatency'
import { measurePersistence } from './measurePersistence'
import { measureSize } from './measureSize'
import { measureThroughput } from './measureThroughput'
import { measureUrlCheck } from './measureUrlCheck'
import { printTable } from './printTable'
import type { BenchRow } from './types'

const sections: Array<[string, () => Promise<BenchRow[]>]> = [
  ['size', () => measureSize()],
  ['http calls', () => countHttpCalls()],
  ['latency', () => measureLatency({ n: Number(process.env.BENCH_N ?? 20) })],
  ['throughput', () => measureThroughput()],
  ['chromium', () => measureChromium({ pairs: Number(process.env.BENCH_PAIRS ?? 15) })],
  ['url check', () => measureUrlCheck()],
  ['persistence', () => measurePersistence()],
  ['examples', () => measureExampleApps()],
]

const only = process.argv.slice(2)
const rows: BenchRow[] = []
for (const [name, run] of sections) {
  if (only.length && !only.includes(name)) continue
  process.stderr.write(`bench: ${name}…\n`)
  rows.push(...(await run()))
}
console.log('')
printTable(rows)
