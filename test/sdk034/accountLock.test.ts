import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestWorld, type TestWorld } from '../../src/testing/index'

let world: TestWorld
beforeAll(async () => {
  world = await createTestWorld({ transport: 'http', keyMode: 'raw', forceAuth: true })
})
afterAll(async () => {
  await world.close()
})

describe("SDK 0.34's account lock (importIdentity fails at once while another import holds it)", () => {
  it('a retrieval while another tab is importing waits for it instead of failing with `Resource "…" is locked.`', async () => {
    const device = (signedUp = false) => world.device({ signedUp, pluginOptions: { retryDelayMs: 5 } })
    const owner = await device(true)
    const s1 = await world.startSession({ purpose: 'backup' })
    await owner.ssks2MR.saveIdentity({ ...world.callArgs(s1), challenge: world.lastCode() })
    world.setForceAuth(false)

    const otherTab = await device()
    const restoring = await device()
    const release = otherTab.cloudStandIn.holdAccountLock()
    // The other tab finishes shortly after our first import attempt (which finds the lock held).
    const sdk = restoring as unknown as { importIdentity(identity: Uint8Array): Promise<unknown> }
    const importIdentity = sdk.importIdentity.bind(sdk)
    sdk.importIdentity = (identity) => importIdentity(identity).finally(() => setTimeout(release, 50))
    const s2 = await world.startSession({ purpose: 'restore' })
    const restored = await restoring.ssks2MR.retrieveIdentity({ ...world.callArgs(s2), challenge: world.lastCode() })
    expect(restored.sealdId).toBe(owner.cloudStandIn.account()!.sealdId)
    expect(restoring.cloudStandIn.calls.filter((call) => call === 'importIdentity').length).toBeGreaterThan(1)
  })
})
