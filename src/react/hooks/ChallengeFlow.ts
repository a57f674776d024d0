import type {
  ChallengeFlowController,
  ChallengeFlowControllerOptions,
  ChallengeFlowSnapshot,
} from '../flow/ChallengeFlowController'

/** Options of `useChallengeFlow`: the controller's, minus what the provider gives (SDK, `startSession`, client). */
export type UseChallengeFlowOptions = Omit<ChallengeFlowControllerOptions, 'sdk' | 'startSession' | 'queryClient'>

/** What `useChallengeFlow` returns: the flow's state and the actions the UI calls (stable functions). */
export type ChallengeFlow = Pick<ChallengeFlowController, 'start' | 'submitCode' | 'retry' | 'resend' | 'reset'> & {
  state: ChallengeFlowSnapshot
}
