import { HEADERS } from '../core/protocol/constants'
import type { EmulatorContext } from './emulatorContext'
import type { Session } from './emulatorState'
import { DETAILS, HttpError } from './httpError'
import { isSessionExpired } from './sessionLifetime'

// UUIDs are case-insensitive; the official plugin sends the appId verbatim, upper case included.
const sameAppId = (given: string | null, expected: string): boolean =>
  given !== null && given.trim().toLowerCase() === expected.toLowerCase()

/** Back-end calls: `X-SEALD-APPID` and `X-SEALD-APIKEY` must both match (403 otherwise, as DRF). */
export function checkBackendCredentials(ctx: EmulatorContext, request: Request): void {
  const appId = request.headers.get(HEADERS.appId)
  const apiKey = request.headers.get(HEADERS.apiKey)
  if (appId === null || apiKey === null) throw new HttpError(403, DETAILS.notAuthenticated)
  if (!sameAppId(appId, ctx.state.appId) || apiKey !== ctx.state.apiKey)
    throw new HttpError(403, DETAILS.incorrectCredentials)
}

/** Front-end calls: `X-SEALD-APPID` must match the emulator's app. */
export function checkFrontendAppId(ctx: EmulatorContext, request: Request): void {
  const appId = request.headers.get(HEADERS.appId)
  if (appId === null) throw new HttpError(403, DETAILS.notAuthenticated)
  if (!sameAppId(appId, ctx.state.appId)) throw new HttpError(403, DETAILS.incorrectCredentials)
}

/** The session named by `X-SEALD-SESSION`: 404 when missing, unknown or expired, 429 when burnt by wrong codes. */
export function requireSession(ctx: EmulatorContext, request: Request): Session {
  const id = request.headers.get(HEADERS.session)
  const session = id ? ctx.state.sessions.get(id) : undefined
  if (!session || isSessionExpired(session, ctx)) throw new HttpError(404, DETAILS.notFound)
  if (session.burnt) throw new HttpError(429, DETAILS.tooManyAttempts)
  return session
}
