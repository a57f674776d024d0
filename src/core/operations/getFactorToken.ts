import type { Context } from '../context'
import { authenticatedSession, requestFactorToken } from '../ssks/ssksCalls'
import type { GetFactorTokenResult } from '../types'
import { validateArgs } from '../validation/validateArgs'
import { throwIfAborted } from './throwIfAborted'

/**
 * `sdk.ssks2MR.getFactorToken` (newer official API): a JWT proving control of the auth factor,
 * for the Seald API's TMR-access calls. Without `challenge`, `sessionId` must be authenticated.
 */
export async function getFactorToken(ctx: Context, rawArgs: unknown): Promise<GetFactorTokenResult> {
  const args = validateArgs(rawArgs, 'getFactorToken')
  throwIfAborted(args.signal, 'Getting factor token')
  const sessionId = await authenticatedSession(ctx, args)
  return { token: await requestFactorToken(ctx, { ...args, sessionId }), authenticatedSessionId: sessionId }
}
