import { CHALLENGE_VALIDITY_MS } from '../core/protocol/constants'
import { CommitQueue } from './commitQueue'
import { createEmulatorApp } from './createEmulatorApp'
import { emulatorEndpoints } from './endpoints'
import type { EmulatorContext, EmulatorSettings } from './emulatorContext'
import { EmulatorState } from './emulatorState'
import { FaultInjector } from './faultInjector'
import { RequestLog } from './requestLog'
import { sessionCollector } from './sessionLifetime'
import { makeFactorTokenKey } from './signFactorToken'
import type { Emulator, EmulatorOptions, OutboxEntry } from './types'

const HOUR = 3_600_000
const YEAR = 365 * 24 * HOUR
/** A single clock step above this is a mistake (or an attack), not a test scenario. */
const MAX_CLOCK_STEP_MS = 10 * YEAR
/** The clock stays a sane date: at most this far ahead of the real one. */
const MAX_CLOCK_OFFSET_MS = 100 * YEAR

/** An emulator plus what the Node server needs to wait for its first save. */
export interface EmulatorInternals {
  emulator: Emulator
  /** Resolves once every change made so far is saved (e.g. credentials given at start). */
  saved(): Promise<void>
}

/**
 * Creates an in-process SSKS emulator: the 2MR protocol as a web-standard fetch handler, with its
 * outbox, request log, fault injection and clock. Browser-safe (no Node imports); the Node server
 * and the CLI wrap it (`startEmulator`).
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return buildEmulator(options).emulator
}

export function buildEmulator(options: EmulatorOptions = {}): EmulatorInternals {
  const baseNow = options.now ?? Date.now
  let clockOffset = 0
  const now = (): number => baseNow() + clockOffset

  const { storage } = options
  const saved = storage?.load()
  const appId = options.appId ?? saved?.appId ?? crypto.randomUUID()
  const apiKey = options.apiKey ?? saved?.apiKey ?? randomApiKey()
  const print = outboxPrinter(options.printOutbox)
  const faults = new FaultInjector()
  const log = new RequestLog()
  let tokenKey: Promise<CryptoKey> | undefined
  let commits: CommitQueue | undefined

  const watched = (state: EmulatorState): EmulatorState => {
    state.onChange = (change) => commits?.record(change)
    return state
  }
  /** After a failed save: back to what the storage holds. */
  const reloaded = (): EmulatorState => {
    const snapshot = storage?.load()
    return watched(snapshot ? EmulatorState.fromSnapshot(snapshot, appId, apiKey) : new EmulatorState(appId, apiKey))
  }
  const ctx: EmulatorContext = {
    state: watched(saved ? EmulatorState.fromSnapshot(saved) : new EmulatorState(appId, apiKey)),
    now,
    settings: settingsOf(options),
    sent: (entry: OutboxEntry) => {
      ctx.state.send(entry, ctx.settings.outboxLimit)
      print?.(formatOutboxLine(entry))
    },
    factorTokenKey: () => (tokenKey ??= makeFactorTokenKey()),
  }
  if (storage) {
    commits = new CommitQueue(
      storage,
      () => ({ ...ctx.state.snapshot() }),
      () => (ctx.state = reloaded()),
      (error) => console.error(`[ssks-emulator] could not save a change: ${(error as Error).message}`),
    )
  }
  // Credentials given now may differ from the saved ones: save them at once.
  if (ctx.state.appId !== appId || ctx.state.apiKey !== apiKey) ctx.state.setCredentials(appId, apiKey)

  const emulator: Emulator = {
    appId,
    apiKey,
    fetch: async (input, init) => app.fetch(input instanceof Request && !init ? input : new Request(input, init)),
    outbox: () => ctx.state.outbox.map((entry) => ({ ...entry, authFactor: { ...entry.authFactor } })),
    requests: () => log.list(),
    faults: { add: (fault) => faults.add(fault), clear: () => faults.clear(), list: () => faults.list() },
    clock: {
      now,
      advance: (ms) => {
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_CLOCK_STEP_MS) {
          throw new RangeError(`clock.advance takes a number of ms from 0 to ${MAX_CLOCK_STEP_MS} (10 years)`)
        }
        if (clockOffset + ms > MAX_CLOCK_OFFSET_MS)
          throw new RangeError('clock.advance would move the clock more than 100 years ahead')
        clockOffset += ms
      },
    },
    reset: () => {
      ctx.state.reset()
      faults.clear()
      log.clear()
      clockOffset = 0
    },
  }
  const app = createEmulatorApp({
    endpoints: emulatorEndpoints(ctx, emulator, () => commits),
    rules: { corsOrigin: options.corsOrigin ?? '*', devHosts: options.devHosts ?? [] },
    faults,
    log,
    commits: () => commits,
    beforeCall: sessionCollector(ctx),
  })
  return { emulator, saved: () => (commits ? commits.settled(commits.begin()) : Promise.resolve()) }
}

function settingsOf(options: EmulatorOptions): EmulatorSettings {
  return {
    smsQuota: options.smsQuota ?? Number.POSITIVE_INFINITY,
    maxWrongChallenges: options.maxWrongChallenges ?? 5,
    maxWrongChallengesPerUser: options.maxWrongChallengesPerUser ?? 10,
    wrongChallengeWindowMs: options.wrongChallengeWindowMs ?? HOUR,
    fakeOtp: options.fakeOtp ?? true,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    singleSessionPerUser: options.singleSessionPerUser ?? true,
    // Longer than the code's own validity, so an expired code still answers 403 as SSKS does.
    sessionLifetimeMs: options.sessionLifetimeMs ?? Math.max(24 * HOUR, CHALLENGE_VALIDITY_MS),
    validatedSessionLifetimeMs: options.validatedSessionLifetimeMs ?? HOUR,
    maxSessionsPerUser: options.maxSessionsPerUser ?? 20,
    outboxLimit: options.outboxLimit ?? 1000,
  }
}

function randomApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function outboxPrinter(option: EmulatorOptions['printOutbox']): ((line: string) => void) | undefined {
  if (typeof option === 'function') return option
  return option ? (line) => console.log(line) : undefined
}

/** The printed form of a sent challenge (the emulator's stand-in for an email or SMS). */
export function formatOutboxLine(entry: OutboxEntry): string {
  const via = entry.authFactor.type === 'EM' ? 'email' : 'SMS'
  return `[ssks-emulator] challenge ${entry.challenge} sent by ${via} to ${entry.authFactor.value} for user ${JSON.stringify(entry.userId)} (session ${entry.sessionId.slice(0, 8)}…)`
}
