import { droppedConnection } from '../droppedConnection'
import type { FaultInjector } from '../faultInjector'
import type { EmulatorMiddleware } from '../honoEnv'
import { DETAILS, jsonResponse } from '../httpError'
import type { EmulatorEndpoint } from '../types'

const injectedStatus = (status = 503): Response => jsonResponse(status, { detail: DETAILS.injectedFault })

/** Applies the armed faults of one SSKS endpoint: delay, then a status or a drop before or after the call. */
export function faultMiddleware(endpoint: EmulatorEndpoint, faults: FaultInjector): EmulatorMiddleware {
  return async (c, next) => {
    const plan = faults.take(endpoint)
    if (plan.delayMs > 0) await sleep(plan.delayMs, c.req.raw.signal)
    if (plan.before?.kind === 'drop') throw droppedConnection()
    if (plan.before) return injectedStatus(plan.before.status)
    await next()
    if (plan.after?.kind === 'drop') throw droppedConnection()
    if (plan.after) c.res = injectedStatus(plan.after.status)
  }
}

/** Waits, rejecting with the signal's reason if the caller aborts (like a real slow server would). */
function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
