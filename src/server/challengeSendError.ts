import { SSKS2MRError } from '../core/errors'
import { SMS_QUOTA_DETAIL } from '../core/protocol'
import { quotableDetail } from '../core/http/quotableDetail'

/**
 * Maps a non-2xx answer of `challenge_send` to a typed error. The message carries the status
 * and SSKS's short `detail`, never a request header (the API key) or the request body: the
 * app may log or show this message, so a `detail` that echoes any of `sent` (API key, user id,
 * email or phone) is left out ({@link quotableDetail}).
 */
export function challengeSendError(
  status: number,
  bodyText: string,
  sent: Array<string | undefined> = [],
): SSKS2MRError {
  const detail = quotableDetail(readDetail(bodyText), sent)
  const suffix = detail ? `: ${detail}` : ''
  if (status === 406 || detail === SMS_QUOTA_DETAIL) {
    return new SSKS2MRError('SMS_QUOTA', `SSKS refused to send an SMS: the SMS quota is used up (406${suffix})`, {
      status,
    })
  }
  if (status === 404) {
    return new SSKS2MRError(
      'USER_NOT_FOUND',
      `SSKS does not know this user (404${suffix}); pass createUser: true to create it on the first challengeSend`,
      { status },
    )
  }
  if (status === 401 || status === 403) {
    return new SSKS2MRError(
      'UNAUTHORIZED',
      `SSKS refused the back-end credentials; check appId and apiKey (${status}${suffix})`,
      { status },
    )
  }
  if (status === 429) return new SSKS2MRError('RATE_LIMITED', `SSKS rate limit reached (429${suffix})`, { status })
  return new SSKS2MRError('SERVER', `SSKS challengeSend failed (${status}${suffix})`, { status })
}

// DRF error bodies are `{"detail": "..."}`; keep only a short string so an odd body cannot flood messages.
function readDetail(bodyText: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(bodyText)
    if (parsed && typeof parsed === 'object' && 'detail' in parsed && typeof parsed.detail === 'string') {
      return parsed.detail.slice(0, 200)
    }
  } catch {
    // not JSON: say nothing about the body rather than echo arbitrary text
  }
  return undefined
}
