import type { SDKPlugin } from '@seald-io/sdk/lib/main.js'
import SSKS2MR, { type SSKS2MR as SSKS2MRApi, type SSKS2MROptions } from '../../../src/core/index'
import { encodeStandInIdentity, type StandInIdentity } from '../../../src/testing/standInIdentity'
import { withSealdCloudStandIn } from '../../../src/testing/withSealdCloudStandIn'
import { realSDK } from './realSDK'

export const APP_ID = '1E2B7D7C-3F4A-4B5C-9D6E-7F8091A2B3C4'
export const RAW_KEY = 'H/iLO9CJvtTMO3QjdSTn8MLpRaCGVs3S7CJlED3hZhtTxPPbw1CQGKxlwFG/2wVVXABAzcaE0e3T9ZO71JlC0Q=='
export const CHALLENGE = 'abcdefgh'
export const SESSION = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
export const NEW_SESSION = '9b2d6f1e-8c3a-4d5b-9e7f-1a2b3c4d5e6f'
export const AUTH_FACTOR = { type: 'EM' as const, value: 'alice@example.com' }

/** A real SDK with our plugin and the Seald-cloud stand-in (src/testing); `userId` → starts with an account. */
export function sdkWithPlugin(url: string, options: SSKS2MROptions = {}, account?: { userId: string }, appId = APP_ID) {
  const sdk = withSealdCloudStandIn(
    realSDK([SSKS2MR(url, { retryDelayMs: 5, ...options }) as SDKPlugin], appId),
    account ?? {},
  )
  return { sdk, api: sdk.ssks2MR as SSKS2MRApi }
}

/** Bytes the stand-in's importIdentity accepts. */
export function standInIdentityBytes(overrides: Partial<StandInIdentity> = {}): Uint8Array {
  return encodeStandInIdentity({
    userId: 'user-1',
    sealdId: 'seald-id-1',
    deviceId: 'device-id-1',
    keyVersion: 1,
    keyMaterial: 'a2V5LW1hdGVyaWFsLWtleS1tYXRlcmlhbC1rZXktbWF0ZXI=',
    ...overrides,
  })
}
