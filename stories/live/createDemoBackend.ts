import { createSSKSBackend, generateTwoManRuleKey } from '../../src/server'
import type { AuthFactorType } from '../../src/core/types'
import type { DemoAccount } from './DemoAccount'

/** What the demo back-end needs to reach SSKS (here: the emulator), as an app's server would. */
export interface DemoBackendOptions {
  keyStorageURL: string
  appId: string
  apiKey: string
  /**
   * Reaches the emulator; default `globalThis.fetch` (over HTTP). In-process mode passes the emulator's own handler.
   */
  fetch?: typeof globalThis.fetch
  /** `Access-Control-Allow-Origin` for the browser calling it (Storybook's origin). Default `*`. */
  corsOrigin?: string
  /**
   * Origins of the pages that may start a 2MR session (Storybook's, served from another port): the session route's
   * `allowedOrigins`.
   */
  allowedOrigins?: string[]
}

/** The demo back-end's routes, relative to its base URL. */
export const DEMO_ROUTES = { signIn: '/demo/sign-in', session: '/demo/session' } as const

interface StoredUser extends DemoAccount {
  /** Stays on the server; handed to the signed-in user's browser only inside a 2MR session. */
  twoManRuleKey: string
}

/**
 * The small "app server" behind the live stories and `npm start`, as a Fetch-API handler so it
 * runs both in Node (scripts/demo-backend.ts) and inside the Storybook page (in-process mode).
 *
 * - `POST /demo/sign-in` `{ email, phone? }` stands in for the app's own sign-up/sign-in: the first
 *   time an email is seen it creates the user and mints their `twoManRuleKey`; it answers
 *   `{ userId, email, phone, token }`. No password: this is a demo on 127.0.0.1.
 * - `POST /demo/session` with `Authorization: Bearer <token>` and `{ factor: 'EM' | 'SMS' }` is the
 *   app's "start 2MR session" route, built with `createSSKSBackend(...).createSessionHandler`:
 *   it calls SSKS with the API key and answers the `SSKS2MRSession` the React provider expects.
 *
 * Users and keys live in memory only.
 */
export function createDemoBackend(options: DemoBackendOptions): (request: Request) => Promise<Response> {
  const usersByEmail = new Map<string, StoredUser>()
  const usersByToken = new Map<string, StoredUser>()
  const cors = corsHeaders(options.corsOrigin ?? '*')
  const backend = createSSKSBackend({
    keyStorageURL: options.keyStorageURL,
    appId: options.appId,
    apiKey: options.apiKey,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })

  const startSession = backend.createSessionHandler({
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    async resolveUser(request) {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
      const user = token === undefined ? undefined : usersByToken.get(token)
      if (!user) return null
      const { factor } = (await request
        .clone()
        .json()
        .catch(() => ({}))) as { factor?: AuthFactorType }
      const useSms = factor === 'SMS' && user.phone !== ''
      return {
        userId: user.userId,
        authFactor: useSms ? { type: 'SMS', value: user.phone } : { type: 'EM', value: user.email },
        twoManRuleKey: user.twoManRuleKey,
        createUser: true,
      }
    },
  })

  function signIn(body: { email?: unknown; phone?: unknown }): Response {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return json(400, { code: 'VALIDATION', message: 'Enter an email address' })
    let user = usersByEmail.get(email)
    if (!user) {
      const phone = typeof body.phone === 'string' ? body.phone.replace(/[^\d+]/g, '') : ''
      user = {
        userId: `demo-${crypto.randomUUID()}`,
        email,
        phone,
        token: crypto.randomUUID(),
        twoManRuleKey: generateTwoManRuleKey(),
      }
      usersByEmail.set(email, user)
      usersByToken.set(user.token, user)
    }
    const { twoManRuleKey: _kept, ...account } = user
    return json(200, account)
  }

  function json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...cors } })
  }

  return async (request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors })
    if (request.method === 'POST' && pathname === DEMO_ROUTES.signIn) {
      return signIn((await request.json().catch(() => ({}))) as Record<string, unknown>)
    }
    if (pathname === DEMO_ROUTES.session) {
      const response = await startSession(request)
      const headers = new Headers(response.headers)
      for (const [name, value] of Object.entries(cors)) headers.set(name, value)
      return new Response(response.body, { status: response.status, headers })
    }
    return json(404, { code: 'NOT_FOUND', message: 'Unknown demo route' })
  }
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
    vary: 'origin',
  }
}
