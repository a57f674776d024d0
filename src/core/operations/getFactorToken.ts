import { requestFactorToken } from '../ssks/requestFactorToken'
import { validateChallenge } from '../ssks/validateChallenge'
import type { GetFactorTokenResult } from '../types'
import { validateGetFactorTokenArgs } from '../validation/validateGetFactorTokenArgs'
import type { OperationContext } from './operationContext'
import { throwIfAborted } from './throwIfAborted'

/**
 * `sdk.ssks2MR.getFactorToken` (newer official API): a JWT proving control of the auth factor,
 * for the Seald API's TMR-access calls. Without `challenge`, `sessionId` must be authenticated.
 */
export async function getFactorToken(ctx: OperationContext, rawArgs: unknown): Promise<GetFactorTokenResult> {
  const args = validateGetFactorTokenArgs(rawArgs)
  throwIfAborted(args.signal, 'Getting factor token')
  const { signal, authFactor } = args
  ctx.logger.debug('getFactorToken', { authFactorType: authFactor.type, withChallenge: args.challenge !== undefined })
  const sessionId = args.challenge ? await validateChallenge(ctx.client, { sessionId: args.sessionId, challenge: args.challenge, authFactor, signal }) : args.sessionId
  const token = await requestFactorToken(ctx.client, { sessionId, authFactor, signal })
  return { token, authenticatedSessionId: sessionId }
}
