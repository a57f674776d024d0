import { startEmulator } from '../src/emulator/index'
import type { RunningEmulator } from '../src/emulator/types'
import { benchSdk, type Flavour } from './sdkFactory'
import { startBenchSession } from './startBenchSession'
import type { BenchRow } from './types'

const authFactor = { type: 'EM' as const, value: 'count@example.com' }
const key = { twoManRuleKey: 'bench-count-key' }

/** Front-end requests per operation, counted from the emulator's request log. */
export async function countHttpCalls(): Promise<BenchRow[]> {
  const emulator = await startEmulator()
  try {
    const ours = await countFor(emulator, 'ours')
    const official = await countFor(emulator, 'official')
    const row = (metric: string, target: number, mine: number, theirs: number | undefined): BenchRow => ({
      section: 'http calls',
      metric,
      ours: String(mine),
      baseline: theirs === undefined ? 'n/a (official needs a challenge)' : `${theirs} (official)`,
      target: `= ${target}`,
      met: mine === target,
    })
    return [
      row('retrieve (with challenge)', 2, ours.retrieve, official.retrieve),
      row('save with challenge', 2, ours.saveWithChallenge, official.saveWithChallenge),
      row('save on authenticated session', 1, ours.saveAuthenticated, undefined),
      row('retrieve on authenticated session', 1, ours.retrieveAuthenticated!, undefined),
    ]
  } finally {
    await emulator.close()
  }
}

async function countFor(emulator: RunningEmulator, flavour: Flavour) {
  const userId = `count-${flavour}`
  const counted = async (operation: () => Promise<unknown>) => {
    const mark = emulator.requests().length
    const result = await operation()
    return {
      result,
      calls: emulator
        .requests()
        .slice(mark)
        .filter((r) => r.path.startsWith('/tmr/front/')).length,
    }
  }
  const owner = await benchSdk(flavour, emulator, userId)
  const s1 = await startBenchSession(emulator, userId, authFactor, true)
  const save = await counted(() =>
    owner.ssks2MR.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, challenge: s1.challenge, ...key }),
  )

  const device = await benchSdk(flavour, emulator)
  const s2 = await startBenchSession(emulator, userId, authFactor)
  const retrieve = await counted(() =>
    device.ssks2MR.retrieveIdentity({ userId, sessionId: s2.sessionId, authFactor, challenge: s2.challenge!, ...key }),
  )

  // Newer-API behaviour (ours only): reuse the validated session, no challenge.
  const sessionId = (retrieve.result as { authenticatedSessionId?: string } | undefined)?.authenticatedSessionId ?? ''
  const saveAuthenticated =
    flavour === 'ours'
      ? (await counted(() => device.ssks2MR.saveIdentity({ userId, sessionId, authFactor, ...key }))).calls
      : 0
  const third = flavour === 'ours' ? await benchSdk(flavour, emulator) : undefined
  const retrieveAuthenticated = third
    ? (await counted(() => third.ssks2MR.retrieveIdentity({ userId, sessionId, authFactor, ...key }))).calls
    : undefined
  return { saveWithChallenge: save.calls, retrieve: retrieve.calls, saveAuthenticated, retrieveAuthenticated }
}
