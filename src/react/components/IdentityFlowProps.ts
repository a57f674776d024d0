import type { ChallengeEntryProps } from '../challenge-entry/ChallengeEntryProps'
import type { ChallengeFlowResult } from '../flow/ChallengeFlowState'
import type { FlowErrorCode } from '../flow/FlowErrorCode'
import type { SSKS2MRMessagesOverride } from '../messages/index'

/** Parts of `IdentityBackup` / `IdentityRestore` that `classNames` can style (see the top of `styles.css`). */
export type IdentityFlowPart = 'root' | 'title' | 'description' | 'status' | 'error' | 'actions' | 'button'

/** Props shared by the drop-in `IdentityBackup` and `IdentityRestore`. */
export interface IdentityFlowProps {
  /** Called once when the flow finished (nothing secret in `result`). */
  onDone?: (result: ChallengeFlowResult) => void
  /** Called on every failed step (a wrong code too), with the core error code shown to the user. */
  onError?: (code: FlowErrorCode, error: unknown) => void
  /** Start on mount (default). `false` shows a start button first (e.g. to avoid sending an SMS unasked). */
  autoStart?: boolean
  /** Seconds before "send a new code" is offered. Default 30. */
  resendCooldownSeconds?: number
  className?: string
  /** Extra classes per part; `challengeEntry` goes to the code field's own parts. */
  classNames?: Partial<Record<IdentityFlowPart, string>> & { challengeEntry?: ChallengeEntryProps['classNames'] }
  /** Leaves out the built-in `ssks-*` classes (`data-*` attributes stay for your own CSS). */
  unstyled?: boolean
  /** Overrides for some strings, on top of the provider's. */
  messages?: SSKS2MRMessagesOverride
}
