import { SSKS2MRError } from '../errors'

/** Stops before any I/O when the caller already gave up. */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted) throw new SSKS2MRError('ABORTED', `${operation} aborted`, { cause: signal.reason })
}
