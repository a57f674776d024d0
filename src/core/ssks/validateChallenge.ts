import type { SSKSClient } from '../http/createSSKSClient'
import type { AuthFactor, ChallengeValidateRequest } from '../protocol/wire'
import { invalidAnswer, stringField } from './invalidAnswer'

/**
 * `challenge_validate`: trades the back-end's session and the user's code for a validated
 * session id. Never retried: every attempt counts against the session's wrong-code limit.
 */
export async function validateChallenge(
  client: SSKSClient,
  args: { sessionId: string; challenge: string; authFactor: AuthFactor; signal?: AbortSignal },
): Promise<string> {
  // Key order `challenge, auth_factor`, as the official plugin sends it.
  const body: ChallengeValidateRequest = { challenge: args.challenge, auth_factor: args.authFactor }
  const answer = await client('challengeValidate', { sessionId: args.sessionId, body, signal: args.signal })
  const newId = stringField(answer, 'new_id')
  if (newId === undefined) throw invalidAnswer('challengeValidate', 'new_id')
  return newId
}
