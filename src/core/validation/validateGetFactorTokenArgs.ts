import { CHALLENGE_PATTERN } from '../protocol/constants'
import type { AuthFactor } from '../protocol/wire'
import { checkArgsObject, checkAuthFactor, checkHeaderValue, checkSignal, checkString } from './rules'

export interface ValidGetFactorTokenArgs {
  sessionId: string
  authFactor: AuthFactor
  challenge: string | undefined
  signal: AbortSignal | undefined
}

/** `getFactorToken` arguments, with the same rules as the other calls for shared fields. */
export function validateGetFactorTokenArgs(args: unknown): ValidGetFactorTokenArgs {
  checkArgsObject(args)
  checkString('sessionId', args.sessionId, { required: true })
  checkHeaderValue('sessionId', args.sessionId)
  checkAuthFactor('authFactor', args.authFactor, true)
  checkString('challenge', args.challenge, { pattern: CHALLENGE_PATTERN })
  checkString('userId', args.userId)
  checkSignal('signal', args.signal)
  const authFactor = args.authFactor as AuthFactor
  return {
    sessionId: args.sessionId as string,
    authFactor: { type: authFactor.type, value: authFactor.value },
    challenge: args.challenge as string | undefined,
    signal: args.signal as AbortSignal | undefined,
  }
}
