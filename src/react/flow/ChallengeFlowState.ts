import type { AccountInfo, AuthFactorType } from '../../core/types'
import type { FlowErrorCode } from './FlowErrorCode'

/**
 * - `idle`: nothing started.
 * - `starting`: asking the app's back-end for a session (first time, or a resend).
 * - `codeRequired`: SSKS sent a code; waiting for the user (possibly after a wrong one: `error`).
 * - `verifying`: the code was submitted; SSKS checks it, then the identity is saved or restored.
 * - `saving`: backup with no code needed (first backup for this factor).
 * - `renewing`: restored with renewed keys that the plugin could not push; the flow saves them again.
 * - `done`: finished (`result`).
 * - `error`: stopped on `error`; `start()` tries again with a new session.
 */
export type ChallengeFlowStatus =
  'idle' | 'starting' | 'codeRequired' | 'verifying' | 'saving' | 'renewing' | 'done' | 'error'

export type ChallengeFlowPurpose = 'backup' | 'restore'

/** What a finished flow reports. Nothing secret: no key, code, session id or identity bytes. */
export interface ChallengeFlowResult {
  purpose: ChallengeFlowPurpose
  /** Restore only: the account now loaded in the SDK. */
  accountInfo?: AccountInfo
  /** Restore only: the backup had been saved without a code, so the account's keys were renewed. */
  keysRenewed: boolean
  /** The flow itself saved the renewed identity (the plugin's own push had failed). */
  resaved: boolean
  /** Restored, but the renewed identity could not be saved: the previous backup is intact; save later. */
  mustSaveIdentityAgain: boolean
}

export interface ChallengeFlowState {
  status: ChallengeFlowStatus
  purpose: ChallengeFlowPurpose
  /** Why the last step failed; shown with `codeRequired` (wrong code, expired) and `error`. */
  error: FlowErrorCode | null
  /** The current session can no longer check a code (expired, unknown, too many tries): resend first. */
  needsResend: boolean
  /** Counts the codes sent; a new value means a new code (clear the field, restart the cooldown). */
  codeRound: number
  /** Epoch ms from which a resend is offered (the cooldown after the last code sent), or null. */
  resendAvailableAt: number | null
  /** Masked destination of the code ("j•••@example.com"), once a session exists. */
  destination: string | null
  destinationType: AuthFactorType | null
  result: ChallengeFlowResult | null
}

export type ChallengeFlowEvent =
  | { type: 'start' }
  | { type: 'resend' }
  | {
      type: 'sessionStarted'
      mustAuthenticate: boolean
      destination: string
      destinationType: AuthFactorType
      resendAvailableAt: number
    }
  | { type: 'codeSubmitted' }
  | { type: 'saved' }
  | { type: 'restored'; accountInfo: AccountInfo; keysRenewed: boolean; mustSaveIdentityAgain: boolean }
  | { type: 'resaved' }
  | { type: 'failed'; error: FlowErrorCode }
  | { type: 'reset' }
