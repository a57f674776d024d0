import { createSSKSBackend } from '../../src/server'

// Your app's own session lookup, and where it keeps each user's 2MR key (generateTwoManRuleKey() at sign-up).
declare function getSignedInUser(request: Request): Promise<{ id: string; email: string; twoManRuleKey: string } | null>

const ssks = createSSKSBackend({
  keyStorageURL: 'https://ssks.seald.io/',
  appId: process.env.SEALD_APP_ID ?? '',
  apiKey: process.env.SSKS_2MR_BACKEND_KEY ?? '', // never sent to the browser
})

/** POST /api/ssks-session: a Fetch-API handler (Next.js route, Hono, Remix, Bun, Deno...). */
export const ssksSession = ssks.createSessionHandler({
  async resolveUser(request) {
    const user = await getSignedInUser(request)
    if (!user) return null // → 401
    return { userId: user.id, authFactor: { type: 'EM', value: user.email }, twoManRuleKey: user.twoManRuleKey, createUser: true }
  },
})
