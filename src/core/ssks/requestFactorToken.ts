import type { SSKSClient } from '../http/createSSKSClient'
import type { AuthFactor, GetFactorTokenRequest } from '../protocol/wire'
import { invalidAnswer, stringField } from './invalidAnswer'

/** `get_factor_token` on a validated session; the body is flat, unlike the others (§4.4). */
export async function requestFactorToken(
  client: SSKSClient,
  args: { sessionId: string; authFactor: AuthFactor; signal?: AbortSignal },
): Promise<string> {
  const body: GetFactorTokenRequest = { auth_factor_type: args.authFactor.type, auth_factor_value: args.authFactor.value }
  const answer = await client('getFactorToken', { sessionId: args.sessionId, body, signal: args.signal })
  const token = stringField(answer, 'factor_token')
  if (token === undefined) throw invalidAnswer('getFactorToken', 'factor_token')
  return token
}
