import { createSSKSBackend } from 'ssks-2mr-kit/server'
import { signedInUser } from './users.js'

// Server-side settings: the API key stays here. Against the emulator, use the URL, appId and apiKey it printed.
const ssks = createSSKSBackend({
  keyStorageURL: process.env.SSKS_URL ?? 'https://ssks.seald.io/',
  appId: process.env.SEALD_APP_ID ?? '',
  apiKey: process.env.SSKS_API_KEY ?? '',
})

/** POST /api/ssks-session, as a Fetch-API handler: the same code for Express, node:http, Hono, Next.js... */
export const ssksSession = ssks.createSessionHandler({
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
