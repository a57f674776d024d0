/**
 * `AbortSignal.any([parent, AbortSignal.timeout(ms)])`, combined by hand where the platform lacks
 * either (React Native's Hermes has neither): `deadline` aborts with a `TimeoutError` after `ms`,
 * `signal` when the parent or the deadline does.
 */
export function withDeadline(parent: AbortSignal, ms: number): { signal: AbortSignal; deadline: AbortSignal } {
  const deadline = timeoutSignal(ms)
  return { deadline, signal: anySignal([parent, deadline]) }
}

function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(timeoutError()), ms) as { unref?: () => void }
  // As AbortSignal.timeout: a pending deadline never keeps a Node process alive.
  timer.unref?.()
  return controller.signal
}

/** Named `TimeoutError`, as the platform's: callers map it to `TIMEOUT` by its name. */
function timeoutError(): Error {
  const message = 'The operation was aborted due to timeout'
  if (typeof DOMException === 'function') return new DOMException(message, 'TimeoutError')
  return Object.assign(new Error(message), { name: 'TimeoutError' })
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals)
  const controller = new AbortController()
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      break
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}
