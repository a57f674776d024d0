import { checkAuthFactor, checkBoolean, checkString, isObject } from '../core/validation/checks'
import { fail } from '../core/validation/fail'
import type { ChallengeSendArgs } from './types'

/** Rejects bad arguments before any request, with the plugin's own checks and wording. */
export function validateChallengeSendArgs(args: ChallengeSendArgs): void {
  if (!isObject(args)) fail('', 'must be of type object')
  checkString('userId', args.userId, true)
  checkAuthFactor(args.authFactor, true)
  for (const key of ['createUser', 'forceAuth', 'fakeOtp'] as const) checkBoolean(key, args[key])
  for (const key of ['template', 'templateId'] as const) checkString(key, args[key])
}
