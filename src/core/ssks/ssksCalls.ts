import type { Context } from '../context'
import { answerBoolean, answerField, callSSKS } from '../http/callSSKS'
import type { AuthFactor } from '../protocol/wire'
import { SESSION_ID_PATTERN } from '../validation/checks'

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
  const answer = await callSSKS(
    ctx,
    'challengeValidate',
    args.sessionId,
    { challenge: args.challenge, auth_factor: args.authFactor },
    args.signal,
  )
  // It goes into the next calls' session header: anything but printable ASCII is not a session id.
  return answerField(answer, 'challengeValidate', 'new_id', SESSION_ID_PATTERN)
}

/**
 * The session to work on: validated with `challenge` when there is one, else `sessionId` as given (already
 * authenticated).
 */
export function authenticatedSession(
  ctx: Context,
  args: SessionCall & { challenge?: string | undefined },
): Promise<string> | string {
  return args.challenge ? challengeValidate(ctx, args as SessionCall & { challenge: string }) : args.sessionId
}

/**
 * `push`: stores (overwrites) the encrypted identity for the session's user and auth factor.
 * Resolves the TMRKey id. Only a 200 with an `id` means "stored" (SSKS always sends it): a
 * 200 HTML page from a proxy or a captive portal stored nothing. `retries` only for the renewal
 * push, which re-sends the same bytes.
 */
export async function pushIdentityBlob(
  ctx: Context,
  args: SessionCall & { dataB64: string },
  retries?: number,
): Promise<string> {
  // Key order `data_b64, auth_factor`, as the official plugin sends it.
  const answer = await callSSKS(
    ctx,
    'push',
    args.sessionId,
    { data_b64: args.dataB64, auth_factor: args.authFactor },
    args.signal,
    retries,
  )
  return answerField(answer, 'push', 'id')
}

/**
 * `search` (no body): the stored blob and whether it was pushed through a validated session.
 * Retried on dropped connections, timeouts and 5xx: reading twice cannot change anything.
 */
export async function searchIdentityBlob(
  ctx: Context,
  args: Omit<SessionCall, 'authFactor'>,
): Promise<{ dataB64: string; authenticated: boolean }> {
  const answer = await callSSKS(ctx, 'search', args.sessionId, undefined, args.signal, ctx.retries)
  // SSKS always sends the boolean; `false` means "stored without a challenge": renew.
  const authenticated = answerBoolean(answer, 'search', 'authenticated')
  return { dataB64: answerField(answer, 'search', 'data_b64'), authenticated }
}

/** `get_factor_token` on a validated session; the body is flat, unlike the others (ssks-protocol.md §4.4). */
export async function requestFactorToken(ctx: Context, args: SessionCall): Promise<string> {
  const body = { auth_factor_type: args.authFactor.type, auth_factor_value: args.authFactor.value }
  return answerField(
    await callSSKS(ctx, 'getFactorToken', args.sessionId, body, args.signal),
    'getFactorToken',
    'factor_token',
  )
}
