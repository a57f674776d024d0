import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateRawTwoManRuleKey } from '../../src/server/index'
import { setupEmulator } from '../core/support/emulatorSetup'

let env: Awaited<ReturnType<typeof setupEmulator>>
beforeAll(async () => {
  env = await setupEmulator()
})
afterAll(async () => {
  await env.emulator.close()
})

describe("SDK 0.34's account lock (importIdentity fails at once while another import holds it)", () => {
  it('a retrieval while another tab is importing waits for it instead of failing with `Resource "…" is locked.`', async () => {
    const userId = 'lock-034'
    const authFactor = { type: 'EM' as const, value: 'lock-034@example.com' }
    const rawTwoManRuleKey = generateRawTwoManRuleKey()
    const owner = env.device({}, userId)
    const s1 = await env.startSession(userId, authFactor, true)
    await owner.api.saveIdentity({
      userId,
      sessionId: s1.sessionId,
      authFactor,
      challenge: s1.challenge!,
      rawTwoManRuleKey,
    })

    const otherTab = env.device()
    const device = env.device()
    const release = otherTab.sdk.cloudStandIn.holdAccountLock()
    // The other tab finishes shortly after our first import attempt (which finds the lock held).
    const sdk = device.sdk as unknown as { importIdentity(identity: Uint8Array): Promise<unknown> }
    const importIdentity = sdk.importIdentity.bind(sdk)
    sdk.importIdentity = (identity) => importIdentity(identity).finally(() => setTimeout(release, 50))
    const s2 = await env.startSession(userId, authFactor)
    const restored = await device.api.retrieveIdentity({
      userId,
      sessionId: s2.sessionId,
      authFactor,
      challenge: s2.challenge!,
      rawTwoManRuleKey,
    })
    expect(restored.sealdId).toBe(owner.sdk.cloudStandIn.account()!.sealdId)
    expect(device.sdk.cloudStandIn.calls.filter((call) => call === 'importIdentity').length).toBeGreaterThan(1)
  })
})
