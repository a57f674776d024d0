/**
 * Requests per operation, counted by the emulator: retrieve 2, save with a challenge 2, and 1 for
 * a save, retrieve or factor token on an already authenticated session (no challenge).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { makeSdk } from './support/ourSdk'
import { frontCallsSince, startSession } from './support/sessions'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const authFactor = { type: 'EM' as const, value: 'alice@example.com' }
const key = { twoManRuleKey: 'secret-key' }

async function counted<T>(operation: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const mark = emulator.requests().length
  const result = await operation()
  return { result, calls: frontCallsSince(emulator, mark) }
}

describe('HTTP calls per operation (ours)', () => {
  it('save with challenge 2, retrieve 2, then 1 each on the authenticated session', async () => {
    const owner = await makeSdk('ours', emulator, { userId: 'alice' })
    const s1 = await startSession(emulator, 'alice', authFactor, { forceAuth: true })
    const save = await counted(() =>
      owner.ssks2MR.saveIdentity({
        userId: 'alice',
        sessionId: s1.sessionId,
        authFactor,
        challenge: s1.challenge,
        ...key,
      }),
    )
    expect(save.calls).toEqual(['challenge_validate:200', 'push:200'])

    const device = await makeSdk('ours', emulator)
    const s2 = await startSession(emulator, 'alice', authFactor)
    const retrieve = await counted(() =>
      device.ssks2MR.retrieveIdentity({
        userId: 'alice',
        sessionId: s2.sessionId,
        authFactor,
        challenge: s2.challenge,
        ...key,
      }),
    )
    expect(retrieve.calls).toEqual(['challenge_validate:200', 'search:200'])
    const authenticatedSessionId = retrieve.result.authenticatedSessionId
    expect(authenticatedSessionId).not.toBe(s2.sessionId)

    const resave = await counted(() =>
      device.ssks2MR.saveIdentity({ userId: 'alice', sessionId: authenticatedSessionId, authFactor, ...key }),
    )
    expect(resave.calls).toEqual(['push:200'])
    expect(resave.result.authenticatedSessionId).toBe(authenticatedSessionId)

    const other = await makeSdk('ours', emulator)
    const reread = await counted(() =>
      other.ssks2MR.retrieveIdentity({ userId: 'alice', sessionId: authenticatedSessionId, authFactor, ...key }),
    )
    expect(reread.calls).toEqual(['search:200'])
    expect(reread.result.keysRenewed).toBe(false) // the re-save on a validated session stored it authenticated

    const token = await counted(() => other.ssks2MR.getFactorToken({ sessionId: authenticatedSessionId, authFactor }))
    expect(token.calls).toEqual(['get_factor_token:200'])
    expect(token.result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('save without challenge is 1 call; the renewing retrieval is 3 (validate, search, push)', async () => {
    const owner = await makeSdk('ours', emulator, { userId: 'bob' })
    const s1 = await startSession(emulator, 'bob', authFactor)
    const save = await counted(() =>
      owner.ssks2MR.saveIdentity({ userId: 'bob', sessionId: s1.sessionId, authFactor, ...key }),
    )
    expect(save.calls).toEqual(['push:200'])

    const device = await makeSdk('ours', emulator)
    const s2 = await startSession(emulator, 'bob', authFactor)
    const retrieve = await counted(() =>
      device.ssks2MR.retrieveIdentity({
        userId: 'bob',
        sessionId: s2.sessionId,
        authFactor,
        challenge: s2.challenge,
        ...key,
      }),
    )
    expect(retrieve.calls).toEqual(['challenge_validate:200', 'search:200', 'push:200'])
  })
})
