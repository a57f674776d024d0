/**
 * A whole 2MR world inside the Chromium page: the in-process emulator (browser-safe entry), the
 * kit's server helper calling it, and REAL `@seald-io/sdk` instances (browser build) with our
 * plugin, only their Seald-cloud members replaced by src/testing's stand-in.
 */
import { createEmulator } from '../../../src/emulator/browser'
import type { EmulatorOptions } from '../../../src/emulator/types'
import { createSSKSBackend } from '../../../src/server/createSSKSBackend'
import { generateTwoManRuleKey } from '../../../src/server/generateTwoManRuleKey'
import { createTestSealdSDK } from '../../../src/testing/createTestSealdSDK'
import type { AuthFactor } from '../../../src/core/types'
import type { StartSession } from '../../../src/react/types'

export async function createBrowserHarness(options: { emulator?: EmulatorOptions; forceAuth?: boolean } = {}) {
  const emulator = createEmulator(options.emulator)
  const keyStorageURL = 'http://ssks.emulator.invalid/'
  const fetch = emulator.fetch as typeof globalThis.fetch
  const backend = createSSKSBackend({ keyStorageURL, appId: emulator.appId, apiKey: emulator.apiKey, fetch })
  const userId = `user-${crypto.randomUUID()}`
  const authFactor: AuthFactor = { type: 'EM', value: 'jane.doe@example.com' }
  const twoManRuleKey = generateTwoManRuleKey()
  const startSession: StartSession = async () => {
    const { sessionId, mustAuthenticate } = await backend.challengeSend({ userId, authFactor, createUser: true, forceAuth: options.forceAuth })
    return { sessionId, mustAuthenticate, userId, authFactor, twoManRuleKey }
  }
  const device = (registered: boolean) =>
    createTestSealdSDK({ keyStorageURL, appId: emulator.appId, ...(registered ? { userId } : {}), pluginOptions: { fetch } })
  const lastCode = () => emulator.outbox().at(-1)?.challenge ?? ''
  return { emulator, userId, authFactor, twoManRuleKey, startSession, device, lastCode }
}
