import { SSKS2MRError } from '../core/errors'
import { AnswerTooLarge, MAX_ANSWER_BYTES, readAnswerText } from '../core/http/readAnswer'
import { raceSignal } from '../core/http/raceSignal'
import { HEADERS } from '../core/protocol'
import type { ChallengeSendResponse } from '../core/protocol'
import { challengeSendError } from './challengeSendError'
import { fetchFailureError } from './fetchFailureError'
import { toChallengeSendBody } from './toChallengeSendBody'
import { validateChallengeSendArgs } from './validateChallengeSendArgs'
import type { ChallengeSendArgs, ChallengeSendResult } from './types'

export interface ChallengeSendConfig {
  url: string
  appId: string
  apiKey: string
  fetch: typeof globalThis.fetch | undefined
  timeoutMs: number
}

/** One `challenge_send` call: validate, POST once (never retried: a retry could send a second code), map the answer. */
export async function challengeSend(
  config: ChallengeSendConfig,
  args: ChallengeSendArgs,
): Promise<ChallengeSendResult> {
  validateChallengeSendArgs(args)
  if (args.signal?.aborted)
    throw new SSKS2MRError('ABORTED', 'SSKS challengeSend was aborted', { cause: args.signal.reason })
  const timeoutSignal = AbortSignal.timeout(config.timeoutMs)
  const signal = args.signal ? AbortSignal.any([args.signal, timeoutSignal]) : timeoutSignal
  const doFetch = config.fetch ?? globalThis.fetch

  let response: Response
  let bodyText: string
  let cancelRead = () => {}
  try {
    // The race makes the deadline hold even for a custom fetch that ignores its signal.
    response = await raceSignal(
      doFetch(config.url, {
        method: 'POST',
        headers: {
          [HEADERS.appId]: config.appId,
          [HEADERS.apiKey]: config.apiKey,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(toChallengeSendBody(args)),
        // fetch re-sends custom headers (the API key) to wherever a redirect points.
        redirect: 'error',
        signal,
      }),
      signal,
    )
    const reading = readAnswerText(response, MAX_ANSWER_BYTES, (cancel) => (cancelRead = cancel))
    bodyText = await raceSignal(reading, signal, () => cancelRead())
  } catch (cause) {
    if (cause instanceof AnswerTooLarge) {
      throw new SSKS2MRError('SERVER', `SSKS challengeSend answered more than ${MAX_ANSWER_BYTES} bytes`)
    }
    throw fetchFailureError(cause, args.signal, timeoutSignal, config.timeoutMs)
  }

  if (!response.ok)
    throw challengeSendError(response.status, bodyText, [config.apiKey, args.userId, args.authFactor?.value])
  const { status } = response
  if (status !== 200) {
    throw new SSKS2MRError('SERVER', `SSKS challengeSend answered an unexpected ${status}`, { status })
  }
  return parseAnswer(bodyText, status)
}

function parseAnswer(bodyText: string, status: number): ChallengeSendResult {
  let parsed: Partial<ChallengeSendResponse> | null = null
  try {
    parsed = JSON.parse(bodyText) as Partial<ChallengeSendResponse>
  } catch {
    // handled below
  }
  if (
    !parsed ||
    typeof parsed.session_id !== 'string' ||
    parsed.session_id === '' ||
    typeof parsed.must_authenticate !== 'boolean'
  ) {
    throw new SSKS2MRError('SERVER', 'SSKS challengeSend answered without session_id and must_authenticate', { status })
  }
  return { sessionId: parsed.session_id, mustAuthenticate: parsed.must_authenticate }
}
