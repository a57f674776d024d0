import type { SSKSClient } from '../http/createSSKSClient'
import type { AuthFactor, PushRequest } from '../protocol/wire'
import { stringField } from './invalidAnswer'

/**
 * `push`: stores (overwrites) the encrypted identity for the session's user and auth factor.
 * Resolves the TMRKey id, or '' when the server answers 200 without one (v0.25.0 ignored the
 * body, so a bare 200 still means the blob is stored).
 */
export async function pushIdentityBlob(
  client: SSKSClient,
  args: { sessionId: string; dataB64: string; authFactor: AuthFactor; signal?: AbortSignal },
): Promise<string> {
  // Key order `data_b64, auth_factor`, as the official plugin sends it.
  const body: PushRequest = { data_b64: args.dataB64, auth_factor: args.authFactor }
  const answer = await client('push', { sessionId: args.sessionId, body, signal: args.signal })
  return stringField(answer, 'id') ?? ''
}
