/** Small HTTP client for the emulator tests: raw calls, so statuses and bodies can be asserted exactly. */
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import type { AuthFactor } from '../../src/core/protocol/wire'

export interface Answer {
  status: number
  body: any
  headers: Headers
}

export interface EmulatorTarget {
  url: string
  appId: string
  apiKey: string
}

export const email = (value = 'alice@example.com'): AuthFactor => ({ type: 'EM', value })
export const phone = (value = '+33600000000'): AuthFactor => ({ type: 'SMS', value })

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init)
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // keep the raw text
  }
  return { status: response.status, body, headers: response.headers }
}

export function emulatorClient(target: EmulatorTarget) {
  const at = (path: string) => new URL(path, target.url).href
  const frontHeaders = (session: string | undefined, extra: Record<string, string> = {}) => ({
    [HEADERS.appId]: target.appId,
    [HEADERS.version]: 'sdk-js/node/0.25.0',
    'Content-Type': 'application/json',
    ...(session === undefined ? {} : { [HEADERS.session]: session }),
    ...extra,
  })

  const client = {
    challengeSend: (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      call(at(PATHS.challengeSend), {
        method: 'POST',
        headers: {
          [HEADERS.appId]: target.appId,
          [HEADERS.apiKey]: target.apiKey,
          'Content-Type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(body),
      }),
    validate: (session: string | undefined, body: Record<string, unknown>, headers?: Record<string, string>) =>
      call(at(PATHS.challengeValidate), {
        method: 'POST',
        headers: frontHeaders(session, headers),
        body: JSON.stringify(body),
      }),
    push: (session: string | undefined, body: Record<string, unknown>, headers?: Record<string, string>) =>
      call(at(PATHS.push), { method: 'POST', headers: frontHeaders(session, headers), body: JSON.stringify(body) }),
    search: (session: string | undefined, headers?: Record<string, string>) =>
      call(at(PATHS.search), { method: 'POST', headers: frontHeaders(session, headers) }),
    factorToken: (session: string | undefined, body: Record<string, unknown>, headers?: Record<string, string>) =>
      call(at(PATHS.getFactorToken), {
        method: 'POST',
        headers: frontHeaders(session, headers),
        body: JSON.stringify(body),
      }),
    outbox: async () => (await call(at('/__dev/outbox'))).body as Array<{ sessionId: string; challenge: string }>,

    /** challenge_send with create_user, returning the session and (when sent) its challenge from the outbox. */
    async startSession(userId: string, authFactor: AuthFactor, extra: Record<string, unknown> = {}) {
      const sent = await client.challengeSend({ user_id: userId, auth_factor: authFactor, create_user: true, ...extra })
      if (sent.status !== 200) throw new Error(`challenge_send answered ${sent.status} ${JSON.stringify(sent.body)}`)
      const entry = (await client.outbox()).find((e) => e.sessionId === sent.body.session_id)
      return {
        sessionId: sent.body.session_id as string,
        mustAuthenticate: sent.body.must_authenticate as boolean,
        challenge: entry?.challenge,
      }
    },

    /** A validated session for a user whose identity is already stored (or with force_auth). */
    async validatedSession(userId: string, authFactor: AuthFactor, extra: Record<string, unknown> = {}) {
      const started = await client.startSession(userId, authFactor, { force_auth: true, ...extra })
      const validated = await client.validate(started.sessionId, {
        challenge: started.challenge,
        auth_factor: authFactor,
      })
      if (validated.status !== 200) throw new Error(`validate answered ${validated.status}`)
      return validated.body.new_id as string
    },
  }
  return client
}
