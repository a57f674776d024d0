import type { ChallengeFlowPurpose, ChallengeFlowStatus } from '../flow/ChallengeFlowState'
import type { SSKS2MRMessages } from '../messages/index'

/** The flow's progress line for `status` ('' when the code field or an error speaks instead). */
export function progressText(
  status: ChallengeFlowStatus,
  purpose: ChallengeFlowPurpose,
  notResaved: boolean | undefined,
  messages: SSKS2MRMessages,
): string {
  switch (status) {
    case 'starting':
      return messages.flowStarting
    case 'saving':
      return messages.flowSaving
    case 'verifying':
      // The code check and the save/restore are one plugin call; this follows "Checking the code…".
      return purpose === 'restore' ? messages.flowRestoring : messages.flowSaving
    case 'renewing':
      return messages.flowRenewing
    case 'done':
      if (purpose === 'backup') return messages.backupDone
      return notResaved ? messages.restoreDoneNotResaved : messages.restoreDone
    default:
      return ''
  }
}
