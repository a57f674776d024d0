/**
 * The failures users match on give the official plugin's message, and ours adds a stable code:
 * wrong challenge, nothing stored, wrong key (password and raw), unknown session.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import type { IdentityKey } from '../../src/core/types'
import { generateRawTwoManRuleKey } from '../../src/server/index'
import { makeSdk, type Flavour } from './support/ourSdk'
import { startSession, wrongChallenge } from './support/sessions'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const authFactor = { type: 'EM' as const, value: 'alice@example.com' }
const raw = generateRawTwoManRuleKey()

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error as Error & { code?: string },
  )
}

/** Runs `scenario` with each plugin on a fresh emulator state; returns both errors. */
async function both(scenario: (flavour: Flavour) => Promise<unknown>) {
  const official = await failure(scenario('official'))
  emulator.reset()
  const ours = await failure(scenario('ours'))
  return { official, ours }
}

async function storeFor(flavour: Flavour, key: IdentityKey) {
  const owner = await makeSdk(flavour, emulator, { userId: 'alice' })
  const s = await startSession(emulator, 'alice', authFactor)
  await owner.ssks2MR.saveIdentity({ userId: 'alice', sessionId: s.sessionId, authFactor, ...key })
}

describe('error parity with the official plugin', () => {
  it('wrong challenge → "Invalid challenge", INVALID_CHALLENGE', async () => {
    const { official, ours } = await both(async (flavour) => {
      await storeFor(flavour, { twoManRuleKey: 'k' })
      const device = await makeSdk(flavour, emulator)
      const s = await startSession(emulator, 'alice', authFactor)
      return device.ssks2MR.retrieveIdentity({
        userId: 'alice',
        sessionId: s.sessionId,
        authFactor,
        challenge: wrongChallenge(s.challenge!),
        twoManRuleKey: 'k',
      })
    })
    expect(official.message).toBe('Invalid challenge')
    expect(ours.message).toBe(official.message)
    expect(ours.code).toBe('INVALID_CHALLENGE')
  })

  it('nothing stored → "Could not find this identity", IDENTITY_NOT_FOUND', async () => {
    const { official, ours } = await both(async (flavour) => {
      const device = await makeSdk(flavour, emulator)
      const s = await startSession(emulator, 'nobody', authFactor, { forceAuth: true })
      return device.ssks2MR.retrieveIdentity({
        userId: 'nobody',
        sessionId: s.sessionId,
        authFactor,
        challenge: s.challenge,
        twoManRuleKey: 'k',
      })
    })
    expect(official.message).toBe('Could not find this identity')
    expect(ours.message).toBe(official.message)
    expect(ours.code).toBe('IDENTITY_NOT_FOUND')
  })

  it.each([
    [
      'wrong twoManRuleKey',
      { twoManRuleKey: 'right' },
      { twoManRuleKey: 'wrong' },
      'alice',
      'Invalid appId, userId, or twoManRuleKey',
    ],
    [
      'wrong userId',
      { twoManRuleKey: 'right' },
      { twoManRuleKey: 'right' },
      'mallory',
      'Invalid appId, userId, or twoManRuleKey',
    ],
    [
      'wrong rawTwoManRuleKey',
      { rawTwoManRuleKey: raw },
      { rawTwoManRuleKey: generateRawTwoManRuleKey() },
      'alice',
      'Invalid rawTwoManRuleKey',
    ],
  ])('%s → official message, WRONG_KEY, nothing imported', async (_label, saved, used, userId, message) => {
    const { official, ours } = await both(async (flavour) => {
      await storeFor(flavour, saved)
      const device = await makeSdk(flavour, emulator)
      const s = await startSession(emulator, 'alice', authFactor)
      const pending = device.ssks2MR.retrieveIdentity({
        userId,
        sessionId: s.sessionId,
        authFactor,
        challenge: s.challenge,
        ...used,
      })
      await pending.catch(() => {})
      expect(device.cloudStandIn.calls).toEqual([])
      return pending
    })
    expect(official.message).toBe(message)
    expect(ours.message).toBe(message)
    expect(ours.code).toBe('WRONG_KEY')
  })

  it('unknown session → SESSION_NOT_FOUND (official: a generic "SSKS ... failed: 404")', async () => {
    const { official, ours } = await both(async (flavour) => {
      const owner = await makeSdk(flavour, emulator, { userId: 'alice' })
      return owner.ssks2MR.saveIdentity({
        userId: 'alice',
        sessionId: 'c0ffee00-0000-4000-8000-000000000000',
        authFactor,
        twoManRuleKey: 'k',
      })
    })
    expect(official.message).toMatch(/^SSKS push failed: 404/)
    expect(ours.code).toBe('SESSION_NOT_FOUND')
  })
})
