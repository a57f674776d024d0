import SSKS2MR from 'ssks-2mr-kit'
import type { SSKS2MRCapableSDK, StartSession } from 'ssks-2mr-kit/react'

// Public settings, inlined into the browser bundle at build time (NEXT_PUBLIC_*): nothing secret.
const appId = process.env.NEXT_PUBLIC_SEALD_APP_ID ?? ''
const keyStorageURL = process.env.NEXT_PUBLIC_SSKS_URL ?? 'https://ssks.seald.io/'

/**
 * The Seald SDK with the 2MR plugin. Given to `SSKS2MRProvider` as a factory, so it is made once,
 * in the browser, after the screen mounts — never while the server renders the page. The import is
 * dynamic too: the SDK (~360 KB gzip) stays out of the page's first load.
 */
export async function createSealdSDK(signedUpUserId?: string): Promise<SSKS2MRCapableSDK> {
  const { default: SealdSDK } = await import('@seald-io/sdk/browser')
  const sdk = SealdSDK({ appId, plugins: [SSKS2MR(keyStorageURL)] })
  if (process.env.NEXT_PUBLIC_SEALD_CLOUD_STAND_IN === 'true') {
    // LOCAL DEVELOPMENT ONLY (.env.development): an SDK on a laptop cannot reach Seald's cloud, which
    // sign-up and restore need. The stand-in replaces just those calls; the 2MR backup is real.
    const { withSealdCloudStandIn } = await import('ssks-2mr-kit/testing')
    return withSealdCloudStandIn(sdk, signedUpUserId === undefined ? {} : { userId: signedUpUserId })
  }
  // In production, sign-up registers the user with Seald: `await sdk.initiateIdentity({ signupJWT })`.
  return sdk
}

/** Asks this app's back-end (app/api/ssks-session/route.ts) for a session: a same-origin JSON POST. */
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
