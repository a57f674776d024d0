import type { SealdSDK } from '@seald-io/sdk/lib/main.js'
import type { IdentityKey } from '../core/crypto/identityKey'
import type { SSKS2MRSession } from '../core/session'
import { toCallArgs } from '../core/toCallArgs'
import type { AuthFactor, AuthFactorType, SSKS2MRCallArgs, SSKS2MROptions } from '../core/types'
import { createEmulator } from '../emulator/createEmulator'
import type { Emulator, EmulatorOptions, RunningEmulator } from '../emulator/types'
import { createSSKSBackend } from '../server/createSSKSBackend'
import { generateRawTwoManRuleKey } from '../server/generateRawTwoManRuleKey'
import { generateTwoManRuleKey } from '../server/generateTwoManRuleKey'
import type { SSKSBackend } from '../server/types'
import { createTestSealdSDK } from './createTestSealdSDK'
import type { WithSealdCloudStandIn } from './withSealdCloudStandIn'

export interface TestWorldOptions {
  /** Which key the back-end hands out, freshly generated: `password` (`twoManRuleKey`, default) or `raw`. */
  keyMode?: 'password' | 'raw'
  /** The user's key itself, instead of a generated one (e.g. in your app's own format). */
  key?: IdentityKey
  /** The back-end asks SSKS for a code even on a first backup (`force_auth`). Default false. */
  forceAuth?: boolean
  /** Where codes go: `'EM'` (default, an address made from the user id), `'SMS'`, or a whole factor. */
  factor?: AuthFactorType | AuthFactor
  /** `in-process` (default): the emulator's fetch handler, no socket. `http`: its Node server on 127.0.0.1, port 0. */
  transport?: 'in-process' | 'http'
  /** Options of the emulator itself (SMS quota, wrong-code limit, clock, storage...). */
  emulator?: EmulatorOptions
}

/** What the app's "start 2MR session" route is asked for. */
export interface TestSessionRequest {
  purpose: 'backup' | 'restore'
}

/** A session the world started, for assertions: never its key. */
export interface StartedTestSession {
  purpose: 'backup' | 'restore'
  sessionId: string
  mustAuthenticate: boolean
}

/** One isolated 2MR world: see {@link createTestWorld}. */
export interface TestWorld {
  emulator: Emulator
  /** The URL devices and the back-end call (any URL in-process: the emulator's fetch answers it). */
  keyStorageURL: string
  /** The kit's back-end helper, calling the emulator with its API key. */
  backend: SSKSBackend
  /** The signed-in user of the app. */
  userId: string
  authFactor: AuthFactor
  /** The user's key, as the back-end hands it out (exactly one of the two fields). */
  key: IdentityKey
  /** Sessions started so far, oldest first. */
  sessions: StartedTestSession[]
  /** The app's "start 2MR session" route (what `SSKS2MRProvider`'s `startSession` calls). */
  startSession(request: TestSessionRequest): Promise<SSKS2MRSession>
  /**
   * A device: a REAL `@seald-io/sdk` with ssks-2mr-kit's plugin, only its Seald-cloud members
   * replaced by the stand-in. `signedUp` gives it the user's account (right after sign-up);
   * otherwise it is a new device with no identity.
   */
  device(options?: { signedUp?: boolean; pluginOptions?: SSKS2MROptions }): Promise<WithSealdCloudStandIn<SealdSDK>>
  /** The last code SSKS "sent" (throws when none was). */
  lastCode(): string
  /** The plugin's call arguments for `session` (see `toCallArgs`). */
  callArgs(session: SSKS2MRSession, options?: { sessionId?: string; signal?: AbortSignal }): SSKS2MRCallArgs
  /** Turns `force_auth` on or off for the sessions started next. */
  setForceAuth(value: boolean): void
  /** Stops the emulator's server (http transport); nothing to do in-process. */
  close(): Promise<void>
}

/** How the world gets an emulator served over HTTP; only the Node entry can give one. */
export type StartHttpEmulator = (options?: EmulatorOptions) => Promise<RunningEmulator>

/** {@link createTestWorld}'s body, shared by the Node and the browser entries. */
export async function buildTestWorld(
  options: TestWorldOptions,
  startHttp: StartHttpEmulator | undefined,
): Promise<TestWorld> {
  const http = options.transport === 'http'
  if (http && !startHttp) throw new Error("createTestWorld: transport 'http' needs Node (ssks-2mr-kit/testing there)")
  const running = http && startHttp ? await startHttp({ printOutbox: false, ...options.emulator }) : undefined
  const emulator: Emulator = running ?? createEmulator(options.emulator)
  const keyStorageURL = running?.url ?? 'http://ssks.emulator.invalid/'
  const fetch = running ? undefined : (emulator.fetch as typeof globalThis.fetch)
  const { appId, apiKey } = emulator
  const backend = createSSKSBackend({ keyStorageURL, appId, apiKey, ...(fetch ? { fetch } : {}) })

  const userId = `user-${globalThis.crypto.randomUUID()}`
  const authFactor = toAuthFactor(options.factor, userId)
  const generated = (): IdentityKey =>
    options.keyMode === 'raw'
      ? { rawTwoManRuleKey: generateRawTwoManRuleKey() }
      : { twoManRuleKey: generateTwoManRuleKey() }
  const key = options.key ?? generated()
  const sessions: StartedTestSession[] = []
  let forceAuth = options.forceAuth ?? false

  return {
    emulator,
    keyStorageURL,
    backend,
    userId,
    authFactor,
    key,
    sessions,
    async startSession({ purpose }) {
      const sent = await backend.challengeSend({ userId, authFactor, createUser: true, forceAuth })
      const { sessionId, mustAuthenticate } = sent
      sessions.push({ purpose, sessionId, mustAuthenticate })
      return { sessionId, mustAuthenticate, userId, authFactor: { ...authFactor }, ...key }
    },
    device({ signedUp = false, pluginOptions = {} } = {}) {
      const plugin = fetch ? { ...pluginOptions, fetch } : pluginOptions
      return createTestSealdSDK({ keyStorageURL, appId, ...(signedUp ? { userId } : {}), pluginOptions: plugin })
    },
    lastCode() {
      const entry = emulator.outbox().at(-1)
      if (!entry) throw new Error('no code was sent')
      return entry.challenge
    },
    callArgs: (session, callOptions) => toCallArgs(session, callOptions),
    setForceAuth: (value) => void (forceAuth = value),
    close: async () => running?.close(),
  }
}

function toAuthFactor(factor: TestWorldOptions['factor'], userId: string): AuthFactor {
  if (typeof factor === 'object') return { type: factor.type, value: factor.value }
  // A number per user, so two worlds never share a phone (SSKS keys sessions on the factor too).
  const digits = String(parseInt(userId.slice(5, 12), 16) % 10_000_000).padStart(7, '0')
  if (factor === 'SMS') return { type: 'SMS', value: `+3360${digits}` }
  return { type: 'EM', value: `${userId.slice(0, 13)}@example.com` }
}
