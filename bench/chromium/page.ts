/**
 * The Chromium side-by-side benchmark's page (bundled by esbuild for the browser): real
 * `@seald-io/sdk` browser builds with our plugin or the official one, both against the same SSKS
 * emulator over HTTP, only the Seald-cloud members stood in (src/testing). The app back-end's
 * `challenge_send` runs in Node (`benchStartSession`), untimed.
 */
import OfficialPluginModule from '@seald-io/sdk-plugin-ssks-2mr'
import type { SDKPlugin } from '@seald-io/sdk/lib/main.js'
import { createTestSealdSDK } from '../../src/testing/createTestSealdSDK'
import type { SSKS2MR as SSKS2MRApi } from '../../src/core/types'
import type { SealdCloudStandIn } from '../../src/testing/withSealdCloudStandIn'
import { measureScryptCandidates } from './scryptCandidates'
import { watchLongTasks } from './watchLongTasks'

type Flavour = 'ours' | 'official'
type KeyKind = 'twoManRuleKey' | 'rawTwoManRuleKey'
interface PageSDK {
  ssks2MR: SSKS2MRApi
  cloudStandIn: SealdCloudStandIn
  utils: { scrypt(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> }
}
export interface BenchOptions {
  url: string
  appId: string
  pairs: number
  scryptRounds: number
  workerSource: string
}
export interface FlavourTimes {
  times: number[]
  /** Longest main-thread task of each timed cycle, ms (0: none over 50 ms). */
  longest: number[]
}

declare global {
  interface Window {
    benchStartSession(userId: string, forceAuth: boolean): Promise<{ sessionId: string; challenge?: string }>
    runBench(options: BenchOptions): Promise<unknown>
  }
}

const imported = OfficialPluginModule as unknown as { default?: unknown }
const OfficialSSKS2MR = (typeof imported === 'function' ? imported : imported.default) as (url: string) => SDKPlugin
const authFactor = { type: 'EM' as const, value: 'bench@example.com' }

function randomB64(length: number): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(length))))
}

async function sdkFor(flavour: Flavour, options: BenchOptions, userId?: string): Promise<PageSDK> {
  const plugin = flavour === 'official' ? OfficialSSKS2MR(options.url) : undefined
  return (await createTestSealdSDK({
    keyStorageURL: options.url,
    appId: options.appId,
    userId,
    plugin,
  })) as unknown as PageSDK
}

/** One save (with a code) on the owner's device + one retrieve on a new device; only the plugin calls are timed. */
async function cycle(
  flavour: Flavour,
  keyKind: KeyKind,
  options: BenchOptions,
  userId: string,
): Promise<{ ms: number; longest: number }> {
  const key = keyKind === 'twoManRuleKey' ? { twoManRuleKey: randomB64(64) } : { rawTwoManRuleKey: randomB64(64) }
  const owner = await sdkFor(flavour, options, userId)
  const device = await sdkFor(flavour, options)
  const s1 = await window.benchStartSession(userId, true)
  await new Promise((resolve) => setTimeout(resolve, 20))
  const watch = watchLongTasks()
  let start = performance.now()
  await owner.ssks2MR.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, challenge: s1.challenge!, ...key })
  let ms = performance.now() - start
  const s2 = await window.benchStartSession(userId, false)
  start = performance.now()
  await device.ssks2MR.retrieveIdentity({
    userId,
    sessionId: s2.sessionId,
    authFactor,
    challenge: s2.challenge!,
    ...key,
  })
  ms += performance.now() - start
  const tasks = await watch.stop()
  if (device.cloudStandIn.account()?.sealdId !== owner.cloudStandIn.account()?.sealdId)
    throw new Error('bench: retrieved the wrong identity')
  return { ms, longest: Math.max(0, ...tasks) }
}

window.runBench = async (options) => {
  const modes: Partial<Record<KeyKind, Record<Flavour, FlavourTimes>>> = {}
  for (const keyKind of ['twoManRuleKey', 'rawTwoManRuleKey'] as const) {
    const result: Record<Flavour, FlavourTimes> = {
      ours: { times: [], longest: [] },
      official: { times: [], longest: [] },
    }
    // Warm-up (JIT, module evaluation, connections), not counted.
    for (const flavour of ['ours', 'official'] as const)
      await cycle(flavour, keyKind, options, `warmup-${keyKind}-${flavour}`)
    for (let i = 0; i < options.pairs; i++) {
      // Interleaved, the order flipped each pair, so drift and load hit both flavours alike.
      const order: Flavour[] = i % 2 === 0 ? ['ours', 'official'] : ['official', 'ours']
      for (const flavour of order) {
        const { ms, longest } = await cycle(flavour, keyKind, options, `${keyKind}-${flavour}-${i}`)
        result[flavour].times.push(ms)
        result[flavour].longest.push(longest)
      }
    }
    modes[keyKind] = result
  }
  const probe = await sdkFor('official', options)
  const candidates = await measureScryptCandidates(
    (p, s) => probe.utils.scrypt(p, s),
    options.workerSource,
    options.scryptRounds,
  )
  return { modes, candidates }
}
