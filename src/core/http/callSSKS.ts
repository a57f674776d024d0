import ky, { HTTPError } from 'ky'
import type { Context } from '../context'
import { SSKS2MRError, type SSKS2MRErrorCode } from '../errors'
import { HEADERS, INVALID_CREDENTIALS_DETAIL, PATHS, SMS_QUOTA_DETAIL, TMR_KEY_MODEL } from '../protocol/constants'
import { shortHash } from '../shortHash'
import { withDeadline } from '../signals/withDeadline'
import { AnswerTooLarge, MAX_ANSWER_BYTES, readAnswerText } from './readAnswer'
import { quotableDetail } from './quotableDetail'
import { raceSignal } from './raceSignal'

/** The front-end SSKS endpoints the plugin calls (keys of `PATHS`). */
export type Endpoint = 'challengeValidate' | 'push' | 'search' | 'getFactorToken'

/** A parsed JSON answer (null when the body is not JSON). */
export type Answer = Record<string, unknown> | null

/** Statuses with a code of their own; any other non-2xx is `SERVER`. */
const STATUS_CODES: Record<number, SSKS2MRErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'UNAUTHORIZED',
  404: 'SESSION_NOT_FOUND',
  429: 'RATE_LIMITED',
}

/**
 * The plugin's only door to the network. Every call: POST, an absolute path resolved against
 * `keyStorageURL` like the official plugin (`new URL('/tmr/front/push/', base)` drops any base
 * path), `credentials: 'omit'`, `redirect: 'error'` (a followed 302 turns the POST into a
 * body-less GET that "succeeds"; a 307 re-posts `data_b64` and the session id to wherever it
 * points), a deadline per attempt that covers the body too, a size limit on the answer, the
 * caller's AbortSignal, the protocol headers, and every failure turned into a typed
 * `SSKS2MRError`. Only a 200 counts as an answer: the caller checks its shape. `retries` > 0 only for calls whose
 * repetition cannot change the outcome (a read, or re-pushing the same bytes); ky then retries
 * dropped connections, timeouts, 408/429/500/502/503/504 with a doubling delay, and stops on an abort.
 *
 * Why ky 1.7.5 (pinned), not 1.14: an app's bundle of the core is held to ≤ 30 % of the official
 * plugin's (the size bench), or the drop-in costs more than what it replaces; 1.14.3 alone takes it
 * past that. 1.7 has no `isHTTPError` (hence `instanceof`) and never retries its own timeout, so the
 * per-attempt deadline is ours (`fetchWithDeadline`).
 */
export async function callSSKS(
  ctx: Context,
  endpoint: Endpoint,
  sessionId: string,
  body: object | undefined,
  signal: AbortSignal | undefined,
  retries = 0,
): Promise<Answer> {
  const { logger, retryDelayMs } = ctx
  const log = { operation: endpoint, session: shortHash(sessionId) }
  // An attempt that failed for good (answer too big): later attempts fail the same way at once.
  const attempts: { final?: SSKS2MRError } = {}
  try {
    const json = body && JSON.stringify(body)
    const response = await ky.post(new URL(PATHS[endpoint], ctx.url), {
      headers: { ...ctx.keyStore.extraHeaders, 'Content-Type': 'application/json', [HEADERS.session]: sessionId },
      signal,
      timeout: false,
      fetch: (request) => fetchWithDeadline(ctx, endpoint, request as Request, json, attempts),
      retry: {
        limit: retries,
        methods: ['post'],
        // ky's default statuses (408, 413, 429, 500, 502, 503, 504); 413 is only retried with a
        // Retry-After, which we do not follow (a server could ask for hours).
        afterStatusCodes: [],
        delay: (attempt) => retryDelayMs * 2 ** (attempt - 1),
      },
      hooks: {
        beforeRetry: [({ retryCount }) => logger.warn('SSKS request retried', { ...log, attempt: retryCount + 1 })],
      },
    })
    logger.debug('SSKS answer', { ...log, status: response.status })
    const { status } = response
    if (status !== 200) {
      throw new SSKS2MRError('SERVER', `${failurePrefix(endpoint)}: unexpected status ${status}`, { status })
    }
    return parseAnswer(await response.text())
  } catch (error) {
    const sent = [
      sessionId,
      ...Object.values(body ?? {}).flatMap((value) => (typeof value === 'object' ? Object.values(value) : value)),
    ]
    const mapped = await toSSKS2MRError(ctx, endpoint, error, signal, sent)
    logger.debug('SSKS call failed', { ...log, code: mapped.code, status: mapped.status })
    throw mapped
  }
}

/** The JSON object of a body, or null for anything else (HTML, an array, a bare value). */
function parseAnswer(text: string): Answer {
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Answer) : null
  } catch {
    return null
  }
}

/**
 * One attempt, sent as `fetch(url, init)` with the JSON string (the official plugin's call shape).
 * ky's Request carries no body: in Node every Request body is a web stream, and ky clones its
 * Request per attempt (a tee: two more streams), which made up most of the plugin's CPU time per
 * call (the latency bench). It also keeps `data_b64` and challenges out of ky's error objects.
 * Each attempt has its own deadline (`timeoutMs`), so that ky retries a timed-out read like a
 * dropped connection: ky 1.7 never retries its own `TimeoutError`, and its timeout aborts the
 * controller every later attempt shares. The deadline's `TimeoutError` (a DOMException) is mapped
 * to `TIMEOUT` by its name. The attempt reads the whole body (up to {@link MAX_ANSWER_BYTES})
 * inside the race, so a body that trickles, or a custom `fetch` that ignores its signal, cannot
 * outlast the deadline; ky gets a response already in memory.
 */
function fetchWithDeadline(
  ctx: Context,
  endpoint: Endpoint,
  request: Request,
  body: string | undefined,
  attempts: { final?: SSKS2MRError },
): Promise<Response> {
  if (attempts.final) return Promise.reject(attempts.final)
  const { signal } = withDeadline(request.signal, ctx.timeoutMs)
  let cancelRead = () => {}
  const attempt = (async () => {
    const { headers } = request
    const init: RequestInit = { method: 'POST', headers, body, credentials: 'omit', redirect: 'error', signal }
    const response = await (ctx.fetch ?? fetch)(request.url, init)
    // Outside 200–599 (a custom fetch's opaque or error response) is not an HTTP answer at all.
    if (!(response.status >= 200 && response.status <= 599)) throw new TypeError('no HTTP answer')
    try {
      const text = await readAnswerText(response, MAX_ANSWER_BYTES, (cancel) => (cancelRead = cancel))
      const nullBody = response.status === 204 || response.status === 205
      const { status, statusText } = response
      return new Response(nullBody ? null : text, { status, statusText, headers: response.headers })
    } catch (error) {
      if (!(error instanceof AnswerTooLarge)) throw error
      const message = `${failurePrefix(endpoint)}: answer larger than ${MAX_ANSWER_BYTES} bytes`
      attempts.final = new SSKS2MRError('SERVER', message, { status: response.status })
      throw attempts.final
    }
  })()
  return raceSignal(attempt, signal, () => cancelRead())
}

/**
 * The non-empty string at `answer[field]` (matching `pattern` if given), else a `SERVER` error:
 * the server is not speaking the protocol.
 */
export function answerField(answer: Answer, endpoint: Endpoint, field: string, pattern?: RegExp): string {
  const value = answer?.[field]
  if (typeof value === 'string' && value && (!pattern || pattern.test(value))) return value
  throw invalidAnswer(endpoint, field)
}

/** The boolean at `answer[field]`, else a `SERVER` error. */
export function answerBoolean(answer: Answer, endpoint: Endpoint, field: string): boolean {
  const value = answer?.[field]
  if (typeof value === 'boolean') return value
  throw invalidAnswer(endpoint, field)
}

function invalidAnswer(endpoint: Endpoint, field: string): SSKS2MRError {
  return new SSKS2MRError('SERVER', `${failurePrefix(endpoint)}: answer has no valid "${field}"`, { status: 200 })
}

/** Message prefixes of the official plugin (users match on them), plus one for the newer endpoint. */
function failurePrefix(endpoint: Endpoint): string {
  return endpoint === 'search' ? 'Retrieving identity failed' : `SSKS ${endpoint} failed`
}

/**
 * The caller's abort wins (ABORTED), then our own errors as they are, then the deadline
 * (TIMEOUT), then a non-2xx answer (by status), and anything else means no HTTP answer came back
 * (NETWORK; a redirect refused by `redirect: 'error'` is one, as fetch reports it so). ky's errors are never
 * kept as `cause`: they hold the Request, whose body may carry `data_b64` or a challenge.
 */
async function toSSKS2MRError(
  ctx: Context,
  endpoint: Endpoint,
  error: unknown,
  signal: AbortSignal | undefined,
  sent: unknown[],
): Promise<SSKS2MRError> {
  const prefix = failurePrefix(endpoint)
  if (signal?.aborted) return new SSKS2MRError('ABORTED', `${prefix}: aborted`, { cause: signal.reason })
  if (error instanceof SSKS2MRError) return error
  if ((error as Error)?.name === 'TimeoutError')
    return new SSKS2MRError('TIMEOUT', `${prefix}: no answer within ${ctx.timeoutMs} ms`)
  // The platform fetch's TypeError holds no request data; a custom `options.fetch` may throw anything
  // (its `init`, with the body), so its error is not kept.
  if (!(error instanceof HTTPError))
    return new SSKS2MRError('NETWORK', `${prefix}: network error`, { cause: ctx.fetch ? undefined : error })
  const { status } = error.response
  const answer = parseAnswer(await error.response.text().catch(() => ''))
  const detail = answer?.detail
  const answerError = (code: SSKS2MRErrorCode, message: string) => new SSKS2MRError(code, message, { status })
  // The official wording where users match on it.
  if (endpoint === 'challengeValidate' && status === 403 && detail === INVALID_CREDENTIALS_DETAIL)
    return answerError('INVALID_CHALLENGE', 'Invalid challenge')
  if (endpoint === 'search' && status === 404 && answer?.model === TMR_KEY_MODEL)
    return answerError('IDENTITY_NOT_FOUND', 'Could not find this identity')
  // The server's `detail` only when it echoes none of the values we sent (the session id, a
  // challenge, `data_b64`, an email or phone number).
  const quotable = quotableDetail(detail, sent)
  const code = status === 406 && detail === SMS_QUOTA_DETAIL ? 'SMS_QUOTA' : (STATUS_CODES[status] ?? 'SERVER')
  return answerError(code, `${prefix}: ${status}${quotable ? ` ${quotable}` : ''}`)
}
