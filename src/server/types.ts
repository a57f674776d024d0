import type { IdentityKey } from '../core/crypto/identityKey'
import type { AuthFactor } from '../core/protocol'

/** Configuration of {@link createSSKSBackend}. The API key stays on the server: never ship it to a browser. */
export interface SSKSBackendOptions {
  /** SSKS base URL, e.g. `https://ssks.seald.io/` (paths are absolute, so any path part is ignored, as the official clients do). */
  keyStorageURL: string
  /** Your Seald application id (`X-SEALD-APPID`). */
  appId: string
  /** The "SSKS-2MR backend key" from the Seald dashboard (`X-SEALD-APIKEY`). */
  apiKey: string
  /** Overrides the fetch used to call SSKS (default: `globalThis.fetch`, read at call time). */
  fetch?: typeof globalThis.fetch
  /** Per-request timeout in milliseconds. Default 10 000. */
  timeoutMs?: number
}

/** Arguments of `challengeSend`, camelCase; sent to SSKS as its snake_case body. */
export interface ChallengeSendArgs {
  /** The app's own id for the user (SSKS stores it in clear). */
  userId: string
  /** Where SSKS sends the challenge. */
  authFactor: AuthFactor
  /** Create the SSKS user when missing; without it an unknown user gives `USER_NOT_FOUND`. */
  createUser?: boolean
  /** Always send a challenge, even when nothing is stored yet for this factor. */
  forceAuth?: boolean
  /** Email/SMS template (legacy API). */
  template?: string
  templateId?: string
  /** Staging/emulator only: the challenge is `aaaaaaaa`. */
  fakeOtp?: boolean
  /** Cancels the request. */
  signal?: AbortSignal
}

/** What SSKS answers: a session for the front-end, and whether the user must type a code. */
export interface ChallengeSendResult {
  sessionId: string
  mustAuthenticate: boolean
}

/**
 * What an app's `resolveUser` returns for the signed-in user of a request, with exactly one of
 * `twoManRuleKey` and `rawTwoManRuleKey`: the user's key, kept by your back-end (both or neither
 * answers a `VALIDATION` error).
 */
export type SessionUser = SessionUserFields & IdentityKey

/** Everything `resolveUser` returns but the key. */
export interface SessionUserFields {
  userId: string
  authFactor: AuthFactor
  createUser?: boolean
  forceAuth?: boolean
  template?: string
  templateId?: string
  fakeOtp?: boolean
}

export interface SessionHandlerOptions {
  /**
   * The signed-in user of this request (read your own session cookie or token), or `null`
   * when nobody is signed in (the handler answers 401). Never trust user ids from the body.
   */
  resolveUser(request: Request): Promise<SessionUser | null> | SessionUser | null
  /**
   * Origins besides the route's own whose pages may call it, exactly as browsers send them in
   * `Origin` (`https://www.app.example`, no path or trailing slash). Only needed when the pages
   * are served from another origin than the route, or when a proxy in front of the server changes
   * the URL the handler sees. Any other request is refused unless the browser marks it
   * `Sec-Fetch-Site: same-origin`.
   */
  allowedOrigins?: readonly string[]
}

/** A Fetch-API route handler, mountable in Hono, Next.js route handlers, Remix, Bun, Deno, ... */
export type FetchHandler = (request: Request) => Promise<Response>

/** The back-end half of SSKS 2MR. */
export interface SSKSBackend {
  /** POST `/tmr/back/challenge_send/`: start a session (and send a code when `mustAuthenticate`). */
  challengeSend(args: ChallengeSendArgs): Promise<ChallengeSendResult>
  /** A ready "start 2MR session" route answering the `SSKS2MRSession` JSON the React provider expects. */
  createSessionHandler(options: SessionHandlerOptions): FetchHandler
}
