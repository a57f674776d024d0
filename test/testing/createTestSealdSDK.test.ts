import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import OfficialPluginModule from '@seald-io/sdk-plugin-ssks-2mr'
import { createEmulator, createTestSealdSDK, startEmulator } from '../../src/testing/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { createSSKSBackend } from '../../src/server/index'

const OfficialSSKS2MR = ((OfficialPluginModule as { default?: unknown }).default ?? OfficialPluginModule) as (
  url: string,
) => (sdk: unknown) => void

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

describe('createTestSealdSDK', () => {
  it('builds a real SealdSDK with our plugin and the stand-in', async () => {
    const sdk = await createTestSealdSDK({ keyStorageURL: emulator.url, appId: emulator.appId, userId: 'alice' })
    expect(sdk.appId).toBe(emulator.appId)
    expect(sdk.ssks2MR.keyStorageURL).toBe(emulator.url)
    expect(typeof sdk.ssks2MR.getFactorToken).toBe('function') // ours has it; the official v0.25 does not
    expect(typeof sdk.encryptMessage).toBe('function') // the rest of the real SDK is there
    expect(sdk.cloudStandIn.account()).toMatchObject({ userId: 'alice', keyVersion: 1 })
  })

  it('defaults to a random v4 appId and no account', async () => {
    const a = await createTestSealdSDK({ keyStorageURL: emulator.url })
    const b = await createTestSealdSDK({ keyStorageURL: emulator.url })
    expect(a.appId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.appId).not.toBe(b.appId)
    expect(a.cloudStandIn.account()).toBeNull()
  })

  it('installs another plugin when given one (e.g. the official plugin)', async () => {
    const sdk = await createTestSealdSDK({
      keyStorageURL: emulator.url,
      appId: emulator.appId,
      userId: 'bob',
      plugin: OfficialSSKS2MR(emulator.url) as never,
    })
    expect(sdk.ssks2MR).not.toHaveProperty('getFactorToken')
    const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
    const authFactor = { type: 'EM' as const, value: 'bob@example.com' }
    const { sessionId } = await backend.challengeSend({ userId: 'bob', authFactor, createUser: true })
    await sdk.ssks2MR.saveIdentity({ userId: 'bob', sessionId, authFactor, twoManRuleKey: 'k' })
    expect(sdk.cloudStandIn.calls).toEqual(['exportBackupKey'])
  })

  it('passes plugin options to our plugin (a logger receives lines)', async () => {
    const lines: string[] = []
    const log = (message: string) => void lines.push(message)
    const sdk = await createTestSealdSDK({
      keyStorageURL: emulator.url,
      appId: emulator.appId,
      userId: 'carol',
      pluginOptions: { logger: { debug: log, warn: log, error: log } },
    })
    const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
    const authFactor = { type: 'EM' as const, value: 'carol@example.com' }
    const { sessionId } = await backend.challengeSend({ userId: 'carol', authFactor, createUser: true })
    await sdk.ssks2MR.saveIdentity({ userId: 'carol', sessionId, authFactor, twoManRuleKey: 'k' })
    expect(lines.length).toBeGreaterThan(0)
  })
})

describe('emulator re-exports', () => {
  it('createEmulator works in-process through its fetch handler', async () => {
    const inProcess = createEmulator()
    const response = await inProcess.fetch(
      new Request('http://ssks.test/tmr/front/search/', {
        method: 'POST',
        headers: { 'X-SEALD-APPID': inProcess.appId, 'X-SEALD-SESSION': 'nope' },
      }),
    )
    expect(response.status).toBe(404)
    expect(inProcess.requests()).toEqual([
      expect.objectContaining({ method: 'POST', path: '/tmr/front/search/', status: 404 }),
    ])
  })
})
