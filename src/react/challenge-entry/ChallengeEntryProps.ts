import type { AuthFactor } from '../../core/protocol/wire'
import type { ChallengeEntryMessages } from '../messages/challengeEntry'

/** Where the code is in its life: drives `data-state`, `aria-busy` and whether the field is locked. */
export type ChallengeEntryStatus = 'idle' | 'verifying' | 'error' | 'success'

/** The parts `classNames` can style (each also carries a `data-ssks-*` attribute). */
export type ChallengeEntryPart =
  | 'root'
  | 'label'
  | 'destination'
  | 'field'
  | 'input'
  | 'slots'
  | 'slot'
  | 'caret'
  | 'separator'
  | 'hint'
  | 'error'
  | 'success'
  | 'resend'

/** Props of {@link ChallengeEntry}. Works controlled (`value` + `onChange`) or uncontrolled (`defaultValue`). */
export interface ChallengeEntryProps {
  /** The code (controlled). Always normalised: lower-case, alphabet characters only, at most 8. */
  value?: string
  /** Initial code when uncontrolled. */
  defaultValue?: string
  /** Called with the normalised code on every change. */
  onChange?: (value: string) => void
  /** Called once when the field becomes a complete 8-character code (not again for the same code). */
  onComplete?: (code: string) => void
  /** `verifying` locks the field and sets `aria-busy`; `error` keeps the code and selects it. */
  status?: ChallengeEntryStatus
  /** Already-localised error text, shown under the field and linked with `aria-describedby`. */
  error?: string
  /** Where the code went: an auth factor (masked here) or a ready-made hint such as `j•••@example.com`. */
  destination?: AuthFactor | string
  /** Shows a resend button; may return a promise (the button waits, then announces the new code). */
  onResend?: () => unknown
  /**
   * Whether a resend is under way, when the caller tracks it (a flow's `state.resending`): the
   * button shows "sending" while true, and the new code is announced when it turns false without
   * an `error`. Without it, the button follows the promise `onResend` returns.
   */
  resending?: boolean
  /**
   * Epoch ms before which resending is not offered; the button counts down to it. A flow's
   * `state.resendAvailableAt`, or `useResendCooldown(seconds).availableAt` (restart it on resend).
   */
  resendAvailableAt?: number
  disabled?: boolean
  autoFocus?: boolean
  /** Overrides for some strings (English by default). */
  messages?: Partial<ChallengeEntryMessages>
  /** Extra classes per part. */
  classNames?: Partial<Record<ChallengeEntryPart, string>>
  /** Leaves out the built-in `ssks-*` classes (the `data-*` attributes stay for your own CSS). */
  unstyled?: boolean
  /** Id of the real `<input>` (generated when absent). */
  id?: string
  /** Form field name of the real `<input>`. */
  name?: string
}
