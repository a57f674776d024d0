import type { FlowErrorCode } from '../flow/FlowErrorCode'

/** Strings of `IdentityBackup` / `IdentityRestore` (the code field's own strings are `ChallengeEntryMessages`). */
export interface FlowMessages {
  backupTitle: string
  restoreTitle: string
  /** One line under the title: what happens and why. */
  backupDescription: string
  restoreDescription: string
  /** Button shown when a flow does not start by itself (`autoStart={false}`). */
  backupStart: string
  restoreStart: string
  /** Asking the app's back-end for an SSKS session (and SSKS for a code). */
  flowStarting: string
  /** Saving the backup (no code needed, or after the code was accepted). */
  flowSaving: string
  /** Checking the code, then fetching and importing the identity. */
  flowRestoring: string
  /** Keys were renewed on restore; saving the new backup. */
  flowRenewing: string
  backupDone: string
  restoreDone: string
  /** Restored, but the renewed backup could not be saved: it will be asked again next time. */
  restoreDoneNotResaved: string
  /** Starts again after an error; also sends the same code again after a network or server failure. */
  retry: string
  /** Shown for errors, keyed by the core error `code` — never the raw error message. */
  flowErrors: Record<FlowErrorCode, string>
}
