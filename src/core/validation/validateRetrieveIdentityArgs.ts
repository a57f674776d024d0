import { validateCallArgs, type ValidCallArgs } from './validateCallArgs'

/**
 * `retrieveIdentity` arguments (§6.2). Unlike v0.25.0, `challenge` is optional (newer official
 * API): without it `sessionId` must already be an authenticated session. `identity` is ignored.
 */
export function validateRetrieveIdentityArgs(args: unknown): ValidCallArgs {
  return validateCallArgs(args, { challengeRequired: false, acceptsIdentity: false })
}
