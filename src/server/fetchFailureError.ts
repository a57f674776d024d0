import { SSKS2MRError } from '../core/errors'

/**
 * A fetch that never produced an HTTP answer: the caller's signal (ABORTED), our timeout
 * (TIMEOUT) or the network (NETWORK). Which signal fired decides, not the error's shape,
 * because runtimes disagree on the error names they throw.
 */
export function fetchFailureError(
  cause: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutSignal: AbortSignal,
  timeoutMs: number,
): SSKS2MRError {
  if (callerSignal?.aborted) return new SSKS2MRError('ABORTED', 'SSKS challengeSend was aborted', { cause })
  if (timeoutSignal.aborted)
    return new SSKS2MRError('TIMEOUT', `SSKS challengeSend got no answer within ${timeoutMs} ms`, { cause })
  return new SSKS2MRError('NETWORK', 'SSKS challengeSend could not reach SSKS', { cause })
}
