/**
 * One backup is renewed once. Retrievals of a backup stored without a challenge renew the
 * account's keys and push the renewed identity; two at once would each renew and overwrite the
 * other's push, leaving callers with keys that differ from the stored backup. SSKS finds the
 * same backup whatever the email's case, so the lock must not depend on how it is spelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retrievalLockName } from '../../src/core/concurrency/runExclusive'
import type { SSKS2MROptions } from '../../src/core/index'
import type { AuthFactor } from '../../src/core/protocol/wire'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { createSSKSBackend } from '../../src/server/index'
import { sdkWithPlugin } from '../core/support/plugins'

// Sessions of one user live side by side here (several tabs or devices at once), as the real SSKS may allow.
let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator({ printOutbox: false, singleSessionPerUser: false })
})
afterAll(async () => {
  await emulator.close()
})

const env = {
  get emulator() {
    return emulator
  },
  async startSession(userId: string, authFactor: AuthFactor) {
    const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
    const session = await backend.challengeSend({ userId, authFactor, createUser: true })
    return {
      ...session,
      challenge: emulator.outbox().find((entry) => entry.sessionId === session.sessionId)?.challenge,
    }
  },
  device: (options: SSKS2MROptions = {}, userId?: string) =>
    sdkWithPlugin(emulator.url, options, userId === undefined ? undefined : { userId }, emulator.appId),
  requestsSince: (() => {
    let seen = 0
    return () => {
      const fresh = emulator.requests().slice(seen)
      seen += fresh.length
      return fresh.map((r) => `${r.path} ${r.status}`)
    }
  })(),
}

const SPELLINGS = ['bob@example.com', 'Bob@example.com', 'BOB@EXAMPLE.COM', 'bob@Example.com', 'bOb@example.COM']

describe('concurrent retrievals of one backup, spelled five ways, renew it once', () => {
  it('one renewal, one renewal push, and every caller holds the keys of the stored backup', async () => {
    const userId = `bob-${crypto.randomUUID()}`
    const twoManRuleKey = 'bob-2mr-key'
    const owner = env.device({}, userId)
    const first = await env.startSession(userId, { type: 'EM', value: SPELLINGS[0]! })
    expect(first.mustAuthenticate).toBe(false) // stored without a challenge: the next retrieval renews
    await owner.api.saveIdentity({
      userId,
      sessionId: first.sessionId,
      authFactor: { type: 'EM', value: SPELLINGS[0]! },
      twoManRuleKey,
    })

    // Five tabs or devices, each with a session validated by its code (a new session replaces the
    // unvalidated one of the same factor, so each is validated before the next starts).
    const sessions = []
    for (const value of SPELLINGS) {
      const session = await env.startSession(userId, { type: 'EM', value })
      expect(session.mustAuthenticate).toBe(true) // the emulator finds the one backup for each spelling
      const { newSessionId } = await owner.api.keyStore.challengeValidate({
        sessionId: session.sessionId,
        challenge: session.challenge!,
        authFactor: { type: 'EM', value },
      })
      sessions.push({ value, sessionId: newSessionId })
    }
    env.requestsSince()
    // Slow searches make the retrievals overlap if nothing keeps them apart.
    env.emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 60, times: SPELLINGS.length })

    const devices = sessions.map(() => env.device())
    const results = await Promise.all(
      sessions.map((s, i) =>
        devices[i]!.api.retrieveIdentity({
          userId,
          sessionId: s.sessionId,
          authFactor: { type: 'EM', value: s.value },
          twoManRuleKey,
        }),
      ),
    )

    expect(results.filter((r) => r.keysRenewed)).toHaveLength(1)
    expect(env.requestsSince().filter((line) => line.startsWith('/tmr/front/push/'))).toHaveLength(1)
    const keyVersions = devices.map((d) => d.sdk.cloudStandIn.account()!.keyVersion)
    expect(new Set(keyVersions)).toEqual(new Set([2]))
    // And the stored backup is the renewed one: a later device gets keyVersion 2 without renewing.
    const later = await env.startSession(userId, { type: 'EM', value: SPELLINGS[0]! })
    const reader = env.device()
    const last = await reader.api.retrieveIdentity({
      userId,
      sessionId: later.sessionId,
      authFactor: { type: 'EM', value: SPELLINGS[0]! },
      challenge: later.challenge!,
      twoManRuleKey,
    })
    expect(last.keysRenewed).toBe(false)
    expect(reader.sdk.cloudStandIn.account()!.keyVersion).toBe(2)
  })

  it('the lock name depends on the app and the user only', () => {
    const app = '1E2B7D7C-3F4A-4B5C-9D6E-7F8091A2B3C4'
    const name = retrievalLockName(app, 'bob')
    expect(retrievalLockName(app, 'alice')).not.toBe(name)
    expect(retrievalLockName(app.toLowerCase(), 'bob')).not.toBe(name)
  })
})
