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
 * calls are timed (not SDK construction or the back-end's challenge_send), each after the event
 * loop has settled, so leftovers of the untimed set-up (SDK start, GC of the previous cycle)
 * do not land in one flavour's timing. Ratio of medians; the note adds the median of per-round
 * ratios (each round runs both flavours back to back, so it is robust to load drifting on a
 * shared machine) and p90s. Raw-key cycles are short (~10 ms) and noisier, so they run 3× as many.
 */
export async function measureLatency({ n = 20 } = {}): Promise<BenchRow[]> {
  const emulator = await startEmulator()
  try {
    const rows: BenchRow[] = []
    for (const keyKind of ['twoManRuleKey', 'rawTwoManRuleKey'] as const) {
      const rounds = keyKind === 'twoManRuleKey' ? n : n * 3
      const times: Record<Flavour, number[]> = { ours: [], official: [] }
      const roundRatios: number[] = []
      // JIT, connection and SDK warm-up, not counted.
      for (let i = 0; i < 3; i++)
        for (const flavour of ['ours', 'official'] as const)
          await cycle(emulator, flavour, keyKind, `warmup-${flavour}-${i}`)
      for (let i = 0; i < rounds; i++) {
        const order: Flavour[] = i % 2 === 0 ? ['ours', 'official'] : ['official', 'ours']
        for (const flavour of order)
          times[flavour].push(await cycle(emulator, flavour, keyKind, `${keyKind}-${flavour}-${i}`))
        roundRatios.push(times.ours[i]! / times.official[i]!)
      }
      const ours = median(times.ours)
      const official = median(times.official)
      rows.push({
        section: 'latency',
        metric: `save+retrieve cycle, ${keyKind === 'twoManRuleKey' ? 'password (scrypt)' : 'raw key'}, median of ${rounds}`,
        ours: `${ours.toFixed(1)} ms`,
        baseline: `${official.toFixed(1)} ms (official)`,
        ratio: ours / official,
        target: '≤ 1.0',
        met: ours / official <= 1,
        note: `median per-round ratio ${median(roundRatios).toFixed(2)}; p90 ${percentile(times.ours, 0.9).toFixed(1)} vs ${percentile(times.official, 0.9).toFixed(1)} ms`,
      })
    }
    return rows
  } finally {
    await emulator.close()
  }
}

/** Lets pending timers, I/O callbacks and microtasks of the set-up run before the clock starts. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1))
}

async function cycle(
  emulator: RunningEmulator,
  flavour: Flavour,
  keyKind: 'twoManRuleKey' | 'rawTwoManRuleKey',
  userId: string,
): Promise<number> {
  const key =
    keyKind === 'twoManRuleKey'
      ? { twoManRuleKey: generateTwoManRuleKey() }
      : { rawTwoManRuleKey: generateRawTwoManRuleKey() }
  const owner = await benchSdk(flavour, emulator, userId)
  const device = await benchSdk(flavour, emulator)
  const s1 = await startBenchSession(emulator, userId, authFactor, true)
  await settle()
  let start = performance.now()
  await owner.ssks2MR.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, challenge: s1.challenge, ...key })
  let elapsed = performance.now() - start
  const s2 = await startBenchSession(emulator, userId, authFactor)
  await settle()
  start = performance.now()
  await device.ssks2MR.retrieveIdentity({
    userId,
    sessionId: s2.sessionId,
    authFactor,
    challenge: s2.challenge!,
    ...key,
  })
  elapsed += performance.now() - start
  if (device.cloudStandIn.account()?.sealdId !== owner.cloudStandIn.account()?.sealdId)
    throw new Error('bench: retrieved the wrong identity')
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
