import SealdSDK from '@seald-io/sdk/browser'
import SSKS2MR from 'ssks-2mr-kit'
import type { SSKS2MRCapableSDK, StartSession } from 'ssks-2mr-kit/react'

/** The Seald SDK with the 2MR plugin, pointed at SSKS — or, in local development, at the emulator. */
export async function createSealdSDK(signedUpUserId?: string): Promise<SSKS2MRCapableSDK> {
  const sdk = SealdSDK({
    appId: import.meta.env.VITE_SEALD_APP_ID,
    plugins: [SSKS2MR(import.meta.env.VITE_SSKS_URL ?? 'https://ssks.seald.io/')],
  })
  if (import.meta.env.VITE_SEALD_CLOUD_STAND_IN === 'true') {
    // LOCAL DEVELOPMENT ONLY (.env.development): a laptop's SDK cannot reach Seald's cloud, which
    // sign-up and restore need. The stand-in replaces just those calls; the 2MR backup on the emulator is real.
    const { withSealdCloudStandIn } = await import('ssks-2mr-kit/testing')
    return withSealdCloudStandIn(sdk, signedUpUserId === undefined ? {} : { userId: signedUpUserId })
  }
  // In production, sign-up registers the user with Seald: `await sdk.initiateIdentity({ signupJWT })`.
  return sdk
}

/** Asks the back-end (proxied /api) for a session: a same-origin JSON POST. */
export const startSession: StartSession = async ({ purpose }) => {
  const response = await fetch('/api/ssks-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ purpose }),
  })
  const body = await response.json()
  if (!response.ok) throw Object.assign(new Error(body.message), { code: body.code })
  return body
}
