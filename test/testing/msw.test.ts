/**
 * `ssks-2mr-kit/testing/msw`: msw's own interception (msw/node here; msw/browser in Storybook) answers
 * the real plugin and the app's session route from the in-process emulator — no server, no stubs.
 */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSSKSHandlers } from '../../src/testing/msw/index'
import { createTestSealdSDK } from '../../src/testing/index'
import { generateTwoManRuleKey } from '../../src/server/index'

const keyStorageURL = 'https://ssks.example.test/'
const user = {
  userId: 'jane',
  authFactor: { type: 'EM' as const, value: 'jane@example.com' },
  twoManRuleKey: generateTwoManRuleKey(),
  createUser: true,
}
const { handlers, emulator } = createSSKSHandlers({
  keyStorageURL,
  sessionRoute: { path: 'https://app.example.test/api/ssks-session', resolveUser: () => user },
})
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => emulator.reset())
afterAll(() => server.close())

const startSession = async () => {
  const response = await fetch('https://app.example.test/api/ssks-session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(response.status).toBe(200)
  return response.json()
}

describe('createSSKSHandlers', () => {
  it('backs up then restores with the code from the outbox, over msw only', async () => {
    const first = await createTestSealdSDK({ keyStorageURL, appId: emulator.appId, userId: user.userId })
    await first.ssks2MR.saveIdentity({ ...user, sessionId: (await startSession()).sessionId })

    const session = await startSession()
    expect(session.mustAuthenticate).toBe(true)
    const challenge = emulator.outbox().at(-1)?.challenge
    expect(challenge).toMatch(/^[a-z2-9]{8}$/)
    const fresh = await createTestSealdSDK({ keyStorageURL, appId: emulator.appId })
    const restored = await fresh.ssks2MR.retrieveIdentity({
      ...user,
      sessionId: session.sessionId,
      challenge: challenge!,
    })
    expect(restored.userId).toBe(user.userId)
    expect(emulator.requests().map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['/tmr/front/push/', '/tmr/front/challenge_validate/', '/tmr/front/search/']),
    )
  })

  it('a wrong code is refused by the emulator, as SSKS would', async () => {
    const first = await createTestSealdSDK({ keyStorageURL, appId: emulator.appId, userId: user.userId })
    await first.ssks2MR.saveIdentity({ ...user, sessionId: (await startSession()).sessionId })
    const session = await startSession()
    const fresh = await createTestSealdSDK({ keyStorageURL, appId: emulator.appId })
    await expect(
      fresh.ssks2MR.retrieveIdentity({ ...user, sessionId: session.sessionId, challenge: 'zzzzzzzz' }),
    ).rejects.toMatchObject({ code: 'INVALID_CHALLENGE' })
  })

  it('keeps the route refusing a request that says it is cross-site', async () => {
    const response = await fetch('https://app.example.test/api/ssks-session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    })
    expect(response.status).toBe(403)
    expect(emulator.outbox()).toHaveLength(0)
  })
})
