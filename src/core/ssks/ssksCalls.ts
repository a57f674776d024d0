import type { Context } from '../context'
import { answerField, callSSKS } from '../http/callSSKS'
import type { AuthFactor } from '../protocol/wire'

interface SessionCall {
  sessionId: string
  authFactor: AuthFactor
  signal?: AbortSignal | undefined
}

/**
 * `challenge_validate`: trades the back-end's session and the user's code for a validated
 * session id. Never retried: every attempt counts against the session's wrong-code limit.
 */
export async function challengeValidate(ctx: Context, args: SessionCall & { challenge: string }): Promise<string> {
  // Key order `challenge, auth_factor`, as the official plugin sends it.
  const answer = await callSSKS(ctx, 'challengeValidate', args.sessionId, { challenge: args.challenge, auth_factor: args.authFactor }, args.signal)
  return answerField(answer, 'challengeValidate', 'new_id')
}

/** The session to work on: validated with `challenge` when there is one, else `sessionId` as given (already authenticated). */
export function authenticatedSession(ctx: Context, args: SessionCall & { challenge?: string | undefined }): Promise<string> | string {
  return args.challenge ? challengeValidate(ctx, args as SessionCall & { challenge: string }) : args.sessionId
}

/**
 * `push`: stores (overwrites) the encrypted identity for the session's user and auth factor.
 * Resolves the TMRKey id, or '' when the server answers 200 without one (v0.25.0 ignored the
 * body, so a bare 200 still means the blob is stored). `retries` only for the renewal push,
 * which re-sends the same bytes.
 */
export async function pushIdentityBlob(ctx: Context, args: SessionCall & { dataB64: string }, retries?: number): Promise<string> {
  // Key order `data_b64, auth_factor`, as the official plugin sends it.
  const answer = await callSSKS(ctx, 'push', args.sessionId, { data_b64: args.dataB64, auth_factor: args.authFactor }, args.signal, retries)
  const id = answer?.id
  return typeof id === 'string' ? id : ''
}

/**
 * `search` (no body): the stored blob and whether it was pushed through a validated session.
 * Retried on dropped connections, timeouts and 5xx: reading twice cannot change anything.
 */
export async function searchIdentityBlob(ctx: Context, args: Omit<SessionCall, 'authFactor'>): Promise<{ dataB64: string; authenticated: boolean }> {
  const answer = await callSSKS(ctx, 'search', args.sessionId, undefined, args.signal, ctx.retries)
  // Falsy (or missing) `authenticated` means "stored without a challenge": renew, as the official plugin does.
  return { dataB64: answerField(answer, 'search', 'data_b64'), authenticated: answer?.authenticated === true }
}

/** `get_factor_token` on a validated session; the body is flat, unlike the others (§4.4). */
export async function requestFactorToken(ctx: Context, args: SessionCall): Promise<string> {
  const body = { auth_factor_type: args.authFactor.type, auth_factor_value: args.authFactor.value }
  return answerField(await callSSKS(ctx, 'getFactorToken', args.sessionId, body, args.signal), 'getFactorToken', 'factor_token')
}
