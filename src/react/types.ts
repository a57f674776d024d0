import type { SSKS2MR } from '../core/types'
import type { SSKS2MRSession } from '../core/session'

/** Any Seald SDK instance with the ssks-2mr plugin installed (only `sdk.ssks2MR` is used). */
export interface SSKS2MRCapableSDK {
  ssks2MR: SSKS2MR
}

/**
 * Makes the SDK on the client, on first use. Lets a server-rendered page (Next.js App Router)
 * keep `SealdSDK(...)` — and even its import, with `await import('@seald-io/sdk/browser')` — off the server.
 */
export type SSKS2MRSDKFactory = () => SSKS2MRCapableSDK | Promise<SSKS2MRCapableSDK>

/** What `SSKS2MRProvider`'s `sdk` prop accepts: the SDK itself, or a factory called once on the client. */
export type SSKS2MRSDKSource = SSKS2MRCapableSDK | SSKS2MRSDKFactory

/** What the flows ask the app's back-end for: a session to back up or to restore. */
export interface StartSessionRequest {
  purpose: 'backup' | 'restore'
}

/**
 * Calls the app's own back-end route (which calls SSKS `challenge_send`) and resolves its
 * answer. Throw an error with a core error `code` (e.g. `SMS_QUOTA`) to get a mapped message.
 */
export type StartSession = (request: StartSessionRequest) => Promise<SSKS2MRSession>

/**
 * The session a mutation hook is bound to: the object itself, or a getter read when the
 * mutation runs (lets a caller mutate right after obtaining a session, before a re-render).
 */
export type SessionSource = SSKS2MRSession | null | undefined | (() => SSKS2MRSession | null | undefined)
