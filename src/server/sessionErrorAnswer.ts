import type { SSKS2MRErrorCode } from '../core/errors'

interface SessionErrorAnswer {
  status: number
  body: { code: SSKS2MRErrorCode; message: string }
}

/**
 * What the session route tells the browser about a failed `challengeSend`: a status and a fixed
 * message per code, never the error's own text (it may quote SSKS, whose text is not ours to
 * forward, or the app's configuration). Problems of the app's set-up or of SSKS are gateway
 * errors (5xx), limits are 429. The React flows show their own text from `code` anyway.
 */
const ANSWERS: Partial<Record<SSKS2MRErrorCode, [number, string]>> = {
  USER_NOT_FOUND: [404, 'SSKS does not know this user yet'],
  SMS_QUOTA: [429, 'No more codes can be sent by text message for now'],
  RATE_LIMITED: [429, 'Too many attempts, try again later'],
  // resolveUser gave something challengeSend refuses: a bug of the app's back-end
  VALIDATION: [500, 'The app back-end gave an invalid 2MR user'],
  UNAUTHORIZED: [502, 'SSKS refused the app back-end'],
  NETWORK: [502, 'Could not reach SSKS'],
  TIMEOUT: [504, 'SSKS did not answer in time'],
  // the browser went away; nobody reads this answer
  ABORTED: [499, 'The request was aborted'],
  SERVER: [502, 'Could not start a 2MR session'],
}

export function sessionErrorAnswer(code: SSKS2MRErrorCode): SessionErrorAnswer {
  const known = ANSWERS[code]
  const [status, message] = known ?? ANSWERS.SERVER!
  return { status, body: { code: known ? code : 'SERVER', message } }
}
