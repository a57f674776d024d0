/**
 * The official plugin's own flows, unchanged, against our emulator over real HTTP. Only the
 * Seald-cloud SDK members are replaced (stand-in); the SDK, its crypto and the plugin are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { decodeStandInIdentity } from '../../src/testing/standInIdentity'
import { generateRawTwoManRuleKey, generateTwoManRuleKey } from '../../src/server/index'
import { officialSdk } from './support/officialSdk'
import { frontCallsSince, startSession, wrongChallenge } from './support/sessions'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const authFactor = { type: 'EM' as const, value: 'alice@example.com' }
const keys = [
  ['twoManRuleKey', { twoManRuleKey: generateTwoManRuleKey() }],
  ['rawTwoManRuleKey', { rawTwoManRuleKey: generateRawTwoManRuleKey() }],
] as const

describe.each(keys)('official plugin against the emulator (%s)', (_name, key) => {
  it('saves without challenge, then retrieves with key renewal, then retrieves without', async () => {
    const alice = officialSdk(emulator, { userId: 'alice' })
    const first = await startSession(emulator, 'alice', authFactor)
    expect(first.mustAuthenticate).toBe(false)
    expect(first.challenge).toBeUndefined()
    await alice.ssks2MR.saveIdentity({ userId: 'alice', sessionId: first.sessionId, authFactor, ...key })

    // A new device: nothing registered yet.
    const device = officialSdk(emulator)
    const second = await startSession(emulator, 'alice', authFactor)
    expect(second.mustAuthenticate).toBe(true)
    const mark = emulator.requests().length
    const info = await device.ssks2MR.retrieveIdentity({
      userId: 'alice',
      sessionId: second.sessionId,
      authFactor,
      challenge: second.challenge,
      ...key,
    })

    expect(info).toEqual({
      userId: 'alice',
      sealdId: alice.cloudStandIn.account()!.sealdId,
      deviceId: alice.cloudStandIn.account()!.deviceId,
    })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])
    expect(frontCallsSince(emulator, mark)).toEqual(['challenge_validate:200', 'search:200', 'push:200'])
    expect(device.cloudStandIn.account()!.keyVersion).toBe(2)

    // The renewed identity was pushed on the validated session: a third device gets version 2, no renewal.
    const third = officialSdk(emulator)
    const session3 = await startSession(emulator, 'alice', authFactor)
    const mark3 = emulator.requests().length
    await third.ssks2MR.retrieveIdentity({
      userId: 'alice',
      sessionId: session3.sessionId,
      authFactor,
      challenge: session3.challenge,
      ...key,
    })
    expect(third.cloudStandIn.calls).toEqual(['importIdentity'])
    expect(third.cloudStandIn.account()!.keyVersion).toBe(2)
    expect(frontCallsSince(emulator, mark3)).toEqual(['challenge_validate:200', 'search:200'])
  })

  it('saves with a challenge (stored authenticated: retrieval does not renew)', async () => {
    const alice = officialSdk(emulator, { userId: 'alice' })
    const session = await startSession(emulator, 'alice', authFactor, { forceAuth: true })
    expect(session.mustAuthenticate).toBe(true)
    const mark = emulator.requests().length
    await alice.ssks2MR.saveIdentity({
      userId: 'alice',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      ...key,
    })
    expect(frontCallsSince(emulator, mark)).toEqual(['challenge_validate:200', 'push:200'])

    const device = officialSdk(emulator)
    const next = await startSession(emulator, 'alice', authFactor)
    await device.ssks2MR.retrieveIdentity({
      userId: 'alice',
      sessionId: next.sessionId,
      authFactor,
      challenge: next.challenge,
      ...key,
    })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity'])
    expect(device.cloudStandIn.account()).toMatchObject({ userId: 'alice', keyVersion: 1 })
  })

  it('a given identity buffer is what gets stored', async () => {
    const alice = officialSdk(emulator, { userId: 'alice' })
    const identity = await alice.exportIdentity()
    const session = await startSession(emulator, 'alice', authFactor)
    await alice.ssks2MR.saveIdentity({ userId: 'alice', sessionId: session.sessionId, authFactor, identity, ...key })
    expect(alice.cloudStandIn.calls).toEqual(['exportIdentity']) // no exportBackupKey when identity is given

    const device = officialSdk(emulator)
    const next = await startSession(emulator, 'alice', authFactor)
    await device.ssks2MR.retrieveIdentity({
      userId: 'alice',
      sessionId: next.sessionId,
      authFactor,
      challenge: next.challenge,
      ...key,
    })
    expect(decodeStandInIdentity(identity)!.sealdId).toBe(device.cloudStandIn.account()!.sealdId)
  })

  it('rejects a wrong challenge with "Invalid challenge"', async () => {
    const alice = officialSdk(emulator, { userId: 'alice' })
    const session = await startSession(emulator, 'alice', authFactor, { forceAuth: true })
    await expect(
      alice.ssks2MR.saveIdentity({
        userId: 'alice',
        sessionId: session.sessionId,
        authFactor,
        challenge: wrongChallenge(session.challenge!),
        ...key,
      }),
    ).rejects.toThrow(/^Invalid challenge$/)
  })

  it('reports "Could not find this identity" when nothing is stored', async () => {
    const device = officialSdk(emulator)
    const session = await startSession(emulator, 'nobody', authFactor, { forceAuth: true })
    await expect(
      device.ssks2MR.retrieveIdentity({
        userId: 'nobody',
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        ...key,
      }),
    ).rejects.toThrow(/^Could not find this identity$/)
    expect(device.cloudStandIn.calls).toEqual([])
  })
})

describe('official plugin: key mismatch', () => {
  it('a different twoManRuleKey or userId cannot decrypt', async () => {
    const alice = officialSdk(emulator, { userId: 'alice' })
    const s1 = await startSession(emulator, 'alice', authFactor)
    await alice.ssks2MR.saveIdentity({ userId: 'alice', sessionId: s1.sessionId, authFactor, twoManRuleKey: 'right' })
    const device = officialSdk(emulator)
    const s2 = await startSession(emulator, 'alice', authFactor)
    await expect(
      device.ssks2MR.retrieveIdentity({
        userId: 'alice',
        sessionId: s2.sessionId,
        authFactor,
        challenge: s2.challenge,
        twoManRuleKey: 'wrong',
      }),
    ).rejects.toThrow('Invalid appId, userId, or twoManRuleKey')
  })
})
