import type { IdentityKey } from './crypto/identityKey'
import type { AuthFactor } from './protocol/wire'

/**
 * What an app's back-end hands the front-end to start a 2MR operation: the shape returned by
 * `ssks-2mr-kit/server`'s session handler and expected from `SSKS2MRProvider`'s `startSession`.
 * It carries the user's `twoManRuleKey`, so it travels only over the app's authenticated HTTPS route.
 */
export type SSKS2MRSession = SessionFields & IdentityKey

/** Everything in a session but its key (exactly one of `twoManRuleKey`, `rawTwoManRuleKey`). */
export interface SessionFields {
  /** SSKS session id from `challenge_send`. */
  sessionId: string
  /** True when SSKS sent a code (an identity is already stored for this factor, or `force_auth`). */
  mustAuthenticate: boolean
  userId: string
  authFactor: AuthFactor
  /** Masked destination to show ("j•••@example.com"); derived from `authFactor` when absent. */
  destinationHint?: string
}
