import { startEmulator } from '../src/emulator/index'
import type { RunningEmulator } from '../src/emulator/types'
import { generateRawTwoManRuleKey, generateTwoManRuleKey } from '../src/server/index'
import { benchSdk, type Flavour } from './sdkFactory'
import { startBenchSession } from './startBenchSession'
import type { BenchRow } from './types'

const authFactor = { type: 'EM' as const, value: 'bench@example.com' }

/**
 * Save (with a challenge) + retrieve on a new device, ours vs official, same emulator, cycles
 * interleaved and the order flipped each round so drift and warm-up hit both. Only the plugin
 * calls are timed (not SDK construction or the back-end's challenge_send). Ratio of medians.
 */
export async function measureLatency({ n = 20 } = {}): Promise<BenchRow[]> {
  const emulator = await startEmulator()
  try {
    const rows: BenchRow[] = []
    for (const keyKind of ['twoManRuleKey', 'rawTwoManRuleKey'] as const) {
      const times: Record<Flavour, number[]> = { ours: [], official: [] }
      await cycle(emulator, 'ours', keyKind, 'warmup-ours') // JIT and connection warm-up, not counted
      await cycle(emulator, 'official', keyKind, 'warmup-official')
      for (let i = 0; i < n; i++) {
        const order: Flavour[] = i % 2 === 0 ? ['ours', 'official'] : ['official', 'ours']
        for (const flavour of order) times[flavour].push(await cycle(emulator, flavour, keyKind, `${keyKind}-${flavour}-${i}`))
      }
      const ours = median(times.ours)
      const official = median(times.official)
      rows.push({
        section: 'latency',
        metric: `save+retrieve cycle, ${keyKind === 'twoManRuleKey' ? 'password (scrypt)' : 'raw key'}, median of ${n}`,
        ours: `${ours.toFixed(1)} ms`,
        baseline: `${official.toFixed(1)} ms (official)`,
        ratio: ours / official,
        target: '≤ 1.0',
        met: ours / official <= 1,
        note: `p90 ${percentile(times.ours, 0.9).toFixed(1)} vs ${percentile(times.official, 0.9).toFixed(1)} ms`,
      })
    }
    return rows
  } finally {
    await emulator.close()
  }
}

async function cycle(emulator: RunningEmulator, flavour: Flavour, keyKind: 'twoManRuleKey' | 'rawTwoManRuleKey', userId: string): Promise<number> {
  const key = keyKind === 'twoManRuleKey' ? { twoManRuleKey: generateTwoManRuleKey() } : { rawTwoManRuleKey: generateRawTwoManRuleKey() }
  const owner = await benchSdk(flavour, emulator, userId)
  const device = await benchSdk(flavour, emulator)
  const s1 = await startBenchSession(emulator, userId, authFactor, true)
  let start = performance.now()
  await owner.ssks2MR.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, challenge: s1.challenge, ...key })
  let elapsed = performance.now() - start
  const s2 = await startBenchSession(emulator, userId, authFactor)
  start = performance.now()
  await device.ssks2MR.retrieveIdentity({ userId, sessionId: s2.sessionId, authFactor, challenge: s2.challenge!, ...key })
  elapsed += performance.now() - start
  if (device.cloudStandIn.account()?.sealdId !== owner.cloudStandIn.account()?.sealdId) throw new Error('bench: retrieved the wrong identity')
  return elapsed
}

function median(values: number[]): number {
  return percentile(values, 0.5)
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = (sorted.length - 1) * p
  const low = Math.floor(index)
  const high = Math.ceil(index)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low)
}
