import { createSSKSBackend, type FetchHandler } from 'ssks-2mr-kit/server'
import { signedInUser } from '../../../lib/users'

// Server-only settings: no NEXT_PUBLIC_ prefix, so SSKS_API_KEY never reaches the browser bundle.
// Made on the first request: `next build` loads this module without the server's environment.
let route: FetchHandler | undefined
function sessionRoute(): FetchHandler {
  const ssks = createSSKSBackend({
    keyStorageURL: process.env.SSKS_URL ?? 'https://ssks.seald.io/',
    appId: process.env.NEXT_PUBLIC_SEALD_APP_ID ?? '',
    apiKey: process.env.SSKS_API_KEY ?? '',
  })
  return ssks.createSessionHandler({
    async resolveUser(request) {
      const user = signedInUser(request)
      if (!user) return null // → 401
      return {
        userId: user.id,
        authFactor: { type: 'EM', value: user.email },
        twoManRuleKey: user.twoManRuleKey,
        createUser: true,
      }
    },
  })
}

/** POST /api/ssks-session: starts an SSKS 2MR session for the signed-in user. */
export const POST = (request: Request) => (route ??= sessionRoute())(request)
