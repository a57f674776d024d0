/**
 * Identities saved by the official plugin are retrieved by ours, and the reverse: password and
 * raw keys, EM and SMS factors, stored with a challenge (authenticated) or without (renewal on
 * first retrieval). Real SDK, real HTTP to the emulator; only Seald-cloud members stand in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { generateRawTwoManRuleKey, generateTwoManRuleKey } from '../../src/server/index'
import { makeSdk, type Flavour } from './support/ourSdk'
import { startSession } from './support/sessions'
import { renewalCalls } from '../core/support/sdkCapabilities'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const factors = [
  ['EM', { type: 'EM' as const, value: 'zoé.martin@example.com' }],
  ['SMS', { type: 'SMS' as const, value: '+33612345678' }],
] as const
const keyKinds = ['twoManRuleKey', 'rawTwoManRuleKey'] as const
const directions: Array<[Flavour, Flavour]> = [
  ['official', 'ours'],
  ['ours', 'official'],
]

describe.each(directions)('saved by %s, retrieved by %s', (saver, retriever) => {
  describe.each(keyKinds)('%s', (keyKind) => {
    it.each(factors)('%s, saved with a challenge', async (_name, authFactor) => {
      const userId = `user-${keyKind}-${authFactor.type}`
      const key =
        keyKind === 'twoManRuleKey'
          ? { twoManRuleKey: generateTwoManRuleKey() }
          : { rawTwoManRuleKey: generateRawTwoManRuleKey() }
      const owner = await makeSdk(saver, emulator, { userId })
      const save = await startSession(emulator, userId, authFactor, { forceAuth: true })
      await owner.ssks2MR.saveIdentity({
        userId,
        sessionId: save.sessionId,
        authFactor,
        challenge: save.challenge,
        ...key,
      })

      const device = await makeSdk(retriever, emulator)
      const session = await startSession(emulator, userId, authFactor)
      const result = await device.ssks2MR.retrieveIdentity({
        userId,
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        ...key,
      })

      const account = owner.cloudStandIn.account()!
      expect(result).toMatchObject({ userId, sealdId: account.sealdId, deviceId: account.deviceId })
      expect(device.cloudStandIn.calls).toEqual(['importIdentity'])
      expect(device.cloudStandIn.account()).toEqual(account)
      if (retriever === 'ours') expect(result).toMatchObject({ keysRenewed: false, mustSaveIdentityAgain: false })
    })

    it.each(factors)('%s, saved without a challenge (first retrieval renews the keys)', async (_name, authFactor) => {
      const userId = `renew-${keyKind}-${authFactor.type}`
      const key =
        keyKind === 'twoManRuleKey'
          ? { twoManRuleKey: generateTwoManRuleKey() }
          : { rawTwoManRuleKey: generateRawTwoManRuleKey() }
      const owner = await makeSdk(saver, emulator, { userId })
      const save = await startSession(emulator, userId, authFactor)
      expect(save.mustAuthenticate).toBe(false)
      await owner.ssks2MR.saveIdentity({ userId, sessionId: save.sessionId, authFactor, ...key })

      const device = await makeSdk(retriever, emulator)
      const session = await startSession(emulator, userId, authFactor)
      const result = await device.ssks2MR.retrieveIdentity({
        userId,
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        ...key,
      })
      expect(result).toMatchObject({ userId, sealdId: owner.cloudStandIn.account()!.sealdId })
      expect(device.cloudStandIn.calls).toEqual(renewalCalls(retriever))
      if (retriever === 'ours') expect(result).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: false })

      // The renewed identity the retriever pushed is what the saver's plugin now reads back, without renewing again.
      const third = await makeSdk(saver, emulator)
      const again = await startSession(emulator, userId, authFactor)
      await third.ssks2MR.retrieveIdentity({
        userId,
        sessionId: again.sessionId,
        authFactor,
        challenge: again.challenge,
        ...key,
      })
      expect(third.cloudStandIn.calls).toEqual(['importIdentity'])
      expect(third.cloudStandIn.account()).toMatchObject({
        keyVersion: 2,
        keyMaterial: device.cloudStandIn.account()!.keyMaterial,
      })
    })
  })
})

describe('deprecated email argument', () => {
  it.each(directions)('saved by %s with email, retrieved by %s with authFactor EM', async (saver, retriever) => {
    const userId = 'legacy'
    const email = 'legacy@example.com'
    const owner = await makeSdk(saver, emulator, { userId })
    const save = await startSession(emulator, userId, { type: 'EM', value: email })
    await owner.ssks2MR.saveIdentity({ userId, sessionId: save.sessionId, email, twoManRuleKey: 'k' })
    const device = await makeSdk(retriever, emulator)
    const session = await startSession(emulator, userId, { type: 'EM', value: email })
    await device.ssks2MR.retrieveIdentity({
      userId,
      sessionId: session.sessionId,
      authFactor: { type: 'EM', value: email },
      challenge: session.challenge,
      twoManRuleKey: 'k',
    })
    expect(device.cloudStandIn.account()!.sealdId).toBe(owner.cloudStandIn.account()!.sealdId)
  })
})
