import type { ChallengeSendRequest } from '../core/protocol'
import type { ChallengeSendArgs } from './types'

/** The snake_case wire body, with optional fields only when given (SSKS defaults the rest). */
export function toChallengeSendBody(args: ChallengeSendArgs): ChallengeSendRequest {
  const body: ChallengeSendRequest = {
    user_id: args.userId,
    auth_factor: { type: args.authFactor.type, value: args.authFactor.value },
  }
  if (args.createUser !== undefined) body.create_user = args.createUser
  if (args.forceAuth !== undefined) body.force_auth = args.forceAuth
  if (args.template !== undefined) body.template = args.template
  if (args.templateId !== undefined) body.template_id = args.templateId
  if (args.fakeOtp !== undefined) body.fake_otp = args.fakeOtp
  return body
}
