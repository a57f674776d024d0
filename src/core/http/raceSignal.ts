/**
 * `promise`, or the signal's reason as soon as it aborts; `onAbort` then frees what the promise
 * still holds (a body being read). A deadline has to hold even when a custom fetch ignores the
 * signal it was given, so the signal is raced, not only passed on.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void = () => {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort()
      reject(signal.reason)
    }
    // Observed before anything else: a promise left unobserved after an early abort would later
    // reject unhandled (a fetch given an aborted signal rejects a moment after).
    promise.then(resolve, reject)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
  })
}
