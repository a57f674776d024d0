import { validateCallArgs, type ValidCallArgs } from './validateCallArgs'

/** `saveIdentity` arguments (§6.2): `challenge` optional, `identity` optional bytes. */
export function validateSaveIdentityArgs(args: unknown): ValidCallArgs {
  return validateCallArgs(args, { challengeRequired: false, acceptsIdentity: true })
}
