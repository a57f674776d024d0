/**
 * `AbortSignal.any` where available (Node ≥ 20.3, evergreen browsers); otherwise a controller
 * that follows both signals, so `engines: node >= 20` holds for 20.0–20.2 too.
 */
export function combineSignals(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b])
  const controller = new AbortController()
  for (const signal of [a, b]) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      break
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}
