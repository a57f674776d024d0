/**
 * Public types of the plugin (`sdk.ssks2MR`). Argument names and rules are those of the
 * official `@seald-io/sdk-plugin-ssks-2mr@0.25.0`; results are supersets of its results
 * (what the newer official API returns), so code written for either keeps working.
 */
import type { AuthFactor, AuthFactorType } from './protocol/wire'
import type { SSKS2MRLogger } from './logger'
import type { IdentityKey } from './crypto/identityKey'

export type { AuthFactor, AuthFactorType, IdentityKey }

/** Bytes of an exported Seald identity. A Node `Buffer` is a `Uint8Array`. */
export type IdentityBytes = Uint8Array

/** scrypt(N=16384, r=8, p=1, dkLen=64): the SDK's `utils.scrypt` has this shape. */
export type ScryptFunction = (password: Uint8Array, salt: Uint8Array) => Promise<Uint8Array>

export interface SSKS2MROptions {
  /** Per-request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number
  /** Extra attempts for requests whose repetition cannot change the outcome (search). Default 2. */
  retries?: number
  /** Extra attempts for the push of renewed keys after retrieval. Default 3. */
  renewalPushRetries?: number
  /** Delay before the first retry, in ms; doubles on each further attempt. Default 300. */
  retryDelayMs?: number
  /** Receives debug/warn/error lines; never secrets. Default: silent. */
  logger?: SSKS2MRLogger
  /**
   * Overrides the fetch used for SSKS calls (default: `globalThis.fetch`). Called as `fetch(url, init)`, like the
   * official plugin's.
   */
  fetch?: typeof globalThis.fetch
  /**
   * Overrides key derivation. Default: the SDK's `utils.scrypt` when present, else @noble/hashes (yields to the event
   * loop).
   */
  scrypt?: ScryptFunction
}

/** Fields common to every call but the key: who, which SSKS session, which factor. */
export interface SSKS2MRCallBase {
  /** The app's own id for this user; salts key derivation with `twoManRuleKey`. */
  userId: string
  /** Session id from the back-end's `challenge_send`, or an `authenticatedSessionId` from an earlier call. */
  sessionId: string
  /** @deprecated Use `authFactor: { type: 'EM', value }`. */
  email?: string
  authFactor?: AuthFactor
  /** Cancels every request of the call. */
  signal?: AbortSignal
}

/**
 * Fields common to every call: who, which SSKS session, which factor, and exactly one key —
 * `twoManRuleKey` (password mode, scrypt-derived) or `rawTwoManRuleKey` (standard base64 of 64
 * random bytes, works across JS/Go/mobile SDKs). Both or neither is a `VALIDATION` error.
 */
export type SSKS2MRCallArgs = SSKS2MRCallBase & IdentityKey

export type SaveIdentityArgs = SSKS2MRCallArgs & {
  /** The 8-character code SSKS sent, when the back-end said `mustAuthenticate`. */
  challenge?: string
  /** Identity to save; default: the SDK's current identity. */
  identity?: IdentityBytes
}

export interface SaveIdentityResult {
  /** Id of the stored blob on SSKS (the TMRKey id), as the official 0.25 plugin and the mobile SDKs name it. */
  ssksId: string
  /** The same id, as the newer official JS API names it. */
  id: string
  /** Session used for the push; reusable for a later call without a new challenge when it was validated. */
  authenticatedSessionId: string
}

export type RetrieveIdentityArgs = SSKS2MRCallArgs & {
  /** The code SSKS sent. May be omitted when `sessionId` is already an authenticated session. */
  challenge?: string
}

export interface AccountInfo {
  userId: string
  sealdId: string
  deviceId: string
}

export interface RetrieveIdentityResult extends AccountInfo {
  /** Same fields as the top level, as the newer official API returns them. */
  accountInfo: AccountInfo
  /** Validated session; reuse it to save or get a factor token without a new challenge. */
  authenticatedSessionId: string
  /** The backup had been stored without a challenge, so the account's keys were renewed. */
  keysRenewed: boolean
  /**
   * Keys were renewed but the renewed identity could not be pushed, even after retries.
   * The identity is imported and usable; save it again (e.g. with `authenticatedSessionId`).
   * The previous backup on SSKS is untouched and still readable.
   */
  mustSaveIdentityAgain: boolean
}

export interface GetFactorTokenArgs {
  sessionId: string
  authFactor: AuthFactor
  /** Omit when `sessionId` is already authenticated. */
  challenge?: string
  /** For debugging only (newer official API); not sent over the wire. */
  userId?: string
  signal?: AbortSignal
}

export interface GetFactorTokenResult {
  /** JWT for the Seald API's TMR-access calls. */
  token: string
  authenticatedSessionId: string
}

/** Low-level SSKS front-end calls. Shapes of the official `KeyStore2MR`, plus `getFactorToken`. */
export interface KeyStore2MR {
  /** Spread into every request at call time (X-SEALD-APPID, X-SEALD-VERSION). */
  extraHeaders: Record<string, string>
  challengeValidate(args: {
    sessionId: string
    challenge: string
    authFactor: AuthFactor
    signal?: AbortSignal
  }): Promise<{ newSessionId: string }>
  push(
    args: IdentityKey & {
      appId?: string
      userId?: string
      authFactor: AuthFactor
      sessionId: string
      data: IdentityBytes
      signal?: AbortSignal
    },
  ): Promise<string>
  search(
    args: IdentityKey & {
      appId?: string
      userId?: string
      sessionId: string
      signal?: AbortSignal
    },
  ): Promise<{ data: IdentityBytes; authenticated: boolean }>
  getFactorToken(args: { sessionId: string; authFactor: AuthFactor; signal?: AbortSignal }): Promise<string>
}

/** What the plugin installs as `sdk.ssks2MR`. */
export interface SSKS2MR {
  keyStorageURL: string
  keyStore: KeyStore2MR
  saveIdentity(args: SaveIdentityArgs): Promise<SaveIdentityResult>
  retrieveIdentity(args: RetrieveIdentityArgs): Promise<RetrieveIdentityResult>
  getFactorToken(args: GetFactorTokenArgs): Promise<GetFactorTokenResult>
}
