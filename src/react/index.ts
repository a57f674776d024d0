'use client'
/**
 * `ssks-2mr-kit/react`: provider, TanStack Query hooks, the code field and drop-in backup and
 * restore flows. Styles: `import 'ssks-2mr-kit/react/styles.css'`.
 */
// Types `sdk.ssks2MR` on the Seald SDK for apps that import only this entry.
import '../core/sdkAugmentation'
export { SSKS2MRProvider } from './SSKS2MRProvider'
export type { SSKS2MRProviderProps } from './SSKS2MRProvider'
export { useSSKS2MR } from './useSSKS2MR'
export type { SSKS2MRContextValue } from './SSKS2MRContext'

export { useSaveIdentity } from './hooks/useSaveIdentity'
export type { UseSaveIdentityOptions } from './hooks/useSaveIdentity'
export { useRetrieveIdentity } from './hooks/useRetrieveIdentity'
export type { UseRetrieveIdentityOptions } from './hooks/useRetrieveIdentity'
export { useChallengeFlow } from './hooks/useChallengeFlow'
export type { ChallengeFlow, UseChallengeFlowOptions } from './hooks/ChallengeFlow'
export { useResendCooldown } from './hooks/useResendCooldown'
export type { ResendCooldown, UseResendCooldownOptions } from './hooks/useResendCooldown'

export { ssks2MRKeys } from './ssks2MRKeys'
export { ChallengeCode } from './ChallengeCode'
export { AuthenticatedSession } from './AuthenticatedSession'
export { saveIdentityMutationOptions } from './query/saveIdentityMutationOptions'
export type { SaveIdentityData, SaveIdentityError, SaveIdentityVariables } from './query/saveIdentityMutationOptions'
export { retrieveIdentityMutationOptions } from './query/retrieveIdentityMutationOptions'
export type {
  RetrieveIdentityData,
  RetrieveIdentityError,
  RetrieveIdentityVariables,
} from './query/retrieveIdentityMutationOptions'

export { ChallengeFlowController } from './flow/ChallengeFlowController'
export type { ChallengeFlowControllerOptions, ChallengeFlowSnapshot } from './flow/ChallengeFlowController'

export { challengeFlowReducer, initialChallengeFlowState } from './flow/challengeFlowReducer'
export type {
  ChallengeFlowEvent,
  ChallengeFlowPurpose,
  ChallengeFlowResult,
  ChallengeFlowState,
  ChallengeFlowStatus,
} from './flow/ChallengeFlowState'
export type { FlowErrorCode } from './flow/FlowErrorCode'
export { toFlowErrorCode } from './flow/toFlowErrorCode'

export { ChallengeEntry } from './challenge-entry/ChallengeEntry'
export type {
  ChallengeEntryPart,
  ChallengeEntryProps,
  ChallengeEntryStatus,
} from './challenge-entry/ChallengeEntryProps'
export { IdentityBackup } from './components/IdentityBackup'
export { IdentityRestore } from './components/IdentityRestore'
export type { IdentityFlowPart, IdentityFlowProps } from './components/IdentityFlowProps'

export { messages } from './messages/index'
export type { FlowMessages, SSKS2MRMessages, SSKS2MRMessagesOverride } from './messages/index'
export type { ChallengeEntryMessages } from './messages/challengeEntry'

export type {
  SessionSource,
  SSKS2MRCapableSDK,
  SSKS2MRSDKFactory,
  SSKS2MRSDKSource,
  StartSession,
  StartSessionRequest,
} from './types'
export type { SSKS2MRSession } from '../core/session'
