import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import {
  createSSKSBackend,
  generateRawTwoManRuleKey,
  generateTwoManRuleKey,
  type SSKS2MRSession,
} from '../../src/server/index'
import { createTestSealdSDK } from '../../src/testing/index'
import { toCallArgs } from '../../src/core/toCallArgs'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator({ smsQuota: 1 })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const backend = () => createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
const email = { type: 'EM' as const, value: 'alice@example.com' }

/** A POST from the app's own page, as the browser sends it (same-origin, JSON body). */
const fromAppPage = (headers: Record<string, string> = {}) =>
  new Request('http://app/session', {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...headers },
    body: '{}',
  })

describe('server helpers against the emulator over HTTP', () => {
  it('creates the user, then needs createUser no more', async () => {
    await expect(backend().challengeSend({ userId: 'alice', authFactor: email })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    })
    const first = await backend().challengeSend({ userId: 'alice', authFactor: email, createUser: true })
    expect(first).toEqual({ sessionId: expect.any(String), mustAuthenticate: false })
    const again = await backend().challengeSend({ userId: 'alice', authFactor: email })
    expect(again.sessionId).not.toBe(first.sessionId)
  })

  it('forceAuth sends a code to the outbox', async () => {
    const { sessionId, mustAuthenticate } = await backend().challengeSend({
      userId: 'alice',
      authFactor: email,
      createUser: true,
      forceAuth: true,
    })
    expect(mustAuthenticate).toBe(true)
    expect(emulator.outbox()).toEqual([
      expect.objectContaining({
        sessionId,
        userId: 'alice',
        authFactor: email,
        challenge: expect.stringMatching(/^[a-z2-9]{8}$/),
      }),
    ])
  })

  it('maps a wrong API key to UNAUTHORIZED and the SMS quota to SMS_QUOTA', async () => {
    const wrong = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: 'wrong-key' })
    await expect(wrong.challengeSend({ userId: 'a', authFactor: email, createUser: true })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    })

    const sms = { type: 'SMS' as const, value: '+33612345678' }
    await backend().challengeSend({ userId: 'bob', authFactor: sms, createUser: true, forceAuth: true })
    await expect(backend().challengeSend({ userId: 'bob', authFactor: sms, forceAuth: true })).rejects.toMatchObject({
      code: 'SMS_QUOTA',
      status: 406,
    })
  })

  it('maps an injected 503 and a dropped connection', async () => {
    emulator.faults.add({ endpoint: 'challenge_send', kind: 'status', status: 503 })
    await expect(backend().challengeSend({ userId: 'a', authFactor: email, createUser: true })).rejects.toMatchObject({
      code: 'SERVER',
      status: 503,
    })
    emulator.faults.add({ endpoint: 'challenge_send', kind: 'drop' })
    await expect(backend().challengeSend({ userId: 'a', authFactor: email, createUser: true })).rejects.toMatchObject({
      code: 'NETWORK',
    })
  })

  it('the session route returns a session the emulator knows', async () => {
    const twoManRuleKey = generateTwoManRuleKey()
    const handler = backend().createSessionHandler({
      resolveUser: async (request) =>
        request.headers.get('cookie') === 'sid=ok'
          ? { userId: 'alice', authFactor: email, twoManRuleKey, createUser: true, forceAuth: true }
          : null,
    })
    expect((await handler(fromAppPage())).status).toBe(401)
    const response = await handler(fromAppPage({ cookie: 'sid=ok' }))
    const session = await response.json()
    expect(session).toMatchObject({
      mustAuthenticate: true,
      userId: 'alice',
      twoManRuleKey,
      destinationHint: 'a•••@example.com',
    })
    expect(emulator.outbox().at(-1)!.sessionId).toBe(session.sessionId)
    expect(emulator.requests().filter((r) => r.path === '/tmr/back/challenge_send/')).toHaveLength(1)
  })

  it.each([
    ['twoManRuleKey', { twoManRuleKey: generateTwoManRuleKey() }],
    ['rawTwoManRuleKey', { rawTwoManRuleKey: generateRawTwoManRuleKey() }],
  ])('a session from the route drives our plugin end to end (%s)', async (_label, key) => {
    const handler = backend().createSessionHandler({
      resolveUser: async () => ({ userId: 'dana', authFactor: email, createUser: true, ...key }),
    })
    const startSession = async (): Promise<SSKS2MRSession> => (await handler(fromAppPage())).json()

    const owner = await createTestSealdSDK({ keyStorageURL: emulator.url, appId: emulator.appId, userId: 'dana' })
    const first = await startSession()
    expect(first.mustAuthenticate).toBe(false)
    await owner.ssks2MR.saveIdentity(toCallArgs(first))

    const device = await createTestSealdSDK({ keyStorageURL: emulator.url, appId: emulator.appId })
    const second = await startSession()
    expect(second.mustAuthenticate).toBe(true)
    const challenge = emulator.outbox().find((entry) => entry.sessionId === second.sessionId)!.challenge
    const result = await device.ssks2MR.retrieveIdentity({ ...second, challenge })
    expect(result.sealdId).toBe(owner.cloudStandIn.account()!.sealdId)
  })
})
