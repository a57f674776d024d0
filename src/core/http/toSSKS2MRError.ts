import { isHTTPError, isTimeoutError } from 'ky'
import { SSKS2MRError } from '../errors'
import { FAILURE_PREFIX, type Endpoint } from './endpoints'
import { statusToSSKS2MRError } from './statusToSSKS2MRError'

/**
 * Any failure of an SSKS call as a typed error: the caller's abort wins (ABORTED), then ky's
 * timeout (TIMEOUT), then a non-2xx answer (mapped by status), and anything else means no HTTP
 * answer came back (NETWORK). ky's own errors are never kept as `cause`: they hold the Request,
 * whose body may carry `data_b64` or a challenge.
 */
export async function toSSKS2MRError(endpoint: Endpoint, error: unknown, context: { signal?: AbortSignal; timeoutMs: number; sent?: readonly string[] }): Promise<SSKS2MRError> {
  if (error instanceof SSKS2MRError) return error
  const prefix = FAILURE_PREFIX[endpoint]
  if (context.signal?.aborted) return new SSKS2MRError('ABORTED', `${prefix}: aborted`, { cause: context.signal.reason })
  if (isTimeoutError(error)) return new SSKS2MRError('TIMEOUT', `${prefix}: no answer within ${context.timeoutMs} ms`)
  if (isHTTPError(error)) {
    const text = await error.response.text().catch(() => '')
    return statusToSSKS2MRError(endpoint, error.response.status, text, context.sent)
  }
  // fetch's own TypeError ("fetch failed", with the socket error as its cause): no request data.
  return new SSKS2MRError('NETWORK', `${prefix}: network error`, { cause: error })
}
