import { HEADERS, PATHS } from '../core/protocol/constants'
import { preflightResponse, withCors } from './cors'
import { createEmulatorApp } from './createEmulatorApp'
import { droppedConnection } from './droppedConnection'
import type { EmulatorContext } from './emulatorContext'
import { EmulatorState } from './emulatorState'
import { FaultInjector, type FaultPlan } from './faultInjector'
import { DETAILS, jsonResponse } from './httpError'
import { RequestLog } from './requestLog'
import { DEV_PREFIX } from './routes/devRoutes'
import { devRouteOrigin } from './devRouteOrigin'
import { makeFactorTokenKey } from './signFactorToken'
import type { Emulator, EmulatorEndpoint, EmulatorOptions, OutboxEntry } from './types'

const ENDPOINT_BY_PATH = new Map<string, EmulatorEndpoint>([
  [PATHS.challengeSend, 'challenge_send'],
  [PATHS.challengeValidate, 'challenge_validate'],
  [PATHS.push, 'push'],
  [PATHS.search, 'search'],
  [PATHS.getFactorToken, 'get_factor_token'],
])

/**
 * Creates an in-process SSKS emulator: the 2MR protocol as a web-standard fetch handler, with its
 * outbox, request log, fault injection and clock. Browser-safe (no Node imports); the Node server
 * and the CLI wrap it (`startEmulator`).
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const baseNow = options.now ?? Date.now
  let clockOffset = 0
  const now = (): number => baseNow() + clockOffset

  const saved = options.storage?.load()
  const appId = options.appId ?? saved?.appId ?? crypto.randomUUID()
  const apiKey = options.apiKey ?? saved?.apiKey ?? randomApiKey()
  const print = outboxPrinter(options.printOutbox)
  const corsOrigin = options.corsOrigin ?? '*'
  const faults = new FaultInjector()
  const log = new RequestLog()
  let tokenKey: Promise<CryptoKey> | undefined

  const ctx: EmulatorContext = {
    state: saved ? EmulatorState.fromSnapshot(saved, appId, apiKey) : new EmulatorState(appId, apiKey),
    now,
    settings: {
      smsQuota: options.smsQuota ?? Number.POSITIVE_INFINITY,
      maxWrongChallenges: options.maxWrongChallenges ?? 5,
      fakeOtp: options.fakeOtp ?? true,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      singleSessionPerUser: options.singleSessionPerUser ?? true,
    },
    changed: () => options.storage?.save(ctx.state.snapshot()),
    sent: (entry: OutboxEntry) => {
      ctx.state.outbox.push(entry)
      print?.(formatOutboxLine(entry))
    },
    factorTokenKey: () => (tokenKey ??= makeFactorTokenKey()),
  }
  // Credentials given now may differ from the saved ones: save them at once.
  if (saved && (saved.appId !== appId || saved.apiKey !== apiKey)) ctx.changed()

  const emulator: Emulator = {
    appId,
    apiKey,
    fetch: (input, init) => handle(input instanceof Request && !init ? input : new Request(input, init)),
    outbox: () => ctx.state.outbox.map((entry) => ({ ...entry, authFactor: { ...entry.authFactor } })),
    requests: () => log.list(),
    faults: { add: (fault) => faults.add(fault), clear: () => faults.clear(), list: () => faults.list() },
    clock: {
      now,
      advance: (ms) => {
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock.advance takes a non-negative number of ms')
        clockOffset += ms
      },
    },
    reset: () => {
      ctx.state = new EmulatorState(appId, apiKey)
      faults.clear()
      log.clear()
      clockOffset = 0
      ctx.changed()
    },
  }
  const app = createEmulatorApp(ctx, emulator)

  async function handle(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname
    if (path.startsWith(DEV_PREFIX)) {
      const origin = request.headers.get('origin')
      const allowed = devRouteOrigin(origin, corsOrigin)
      if (allowed === null) return jsonResponse(403, { detail: 'The dev routes only answer pages served from this machine.' })
      const response = request.method === 'OPTIONS' ? preflightResponse(request, allowed) : await app.fetch(request)
      return origin !== null ? withCors(response, allowed) : response
    }
    const session = request.headers.get(HEADERS.session)
    const endpoint = request.method === 'POST' ? ENDPOINT_BY_PATH.get(path) : undefined
    const plan: FaultPlan = endpoint ? faults.take(endpoint) : { delayMs: 0 }
    if (plan.delayMs > 0) await sleep(plan.delayMs, request.signal)

    let response: Response
    if (plan.before?.kind === 'drop') {
      log.add(request.method, path, 0, session)
      throw droppedConnection()
    } else if (plan.before) {
      response = injectedStatus(plan.before.status)
    } else if (request.method === 'OPTIONS') {
      response = preflightResponse(request, corsOrigin)
    } else {
      response = await app.fetch(request)
    }
    if (plan.after?.kind === 'drop') {
      log.add(request.method, path, 0, session)
      throw droppedConnection()
    } else if (plan.after) {
      response = injectedStatus(plan.after.status)
    }
    log.add(request.method, path, response.status, session)
    // Only browsers need CORS headers, and they always send Origin on these requests.
    return request.headers.has('origin') ? withCors(response, corsOrigin) : response
  }

  return emulator
}

const injectedStatus = (status = 503): Response => jsonResponse(status, { detail: DETAILS.injectedFault })

function randomApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function outboxPrinter(option: EmulatorOptions['printOutbox']): ((line: string) => void) | undefined {
  if (typeof option === 'function') return option
  return option ? (line) => console.log(line) : undefined
}

/** The printed form of a sent challenge (the emulator's stand-in for an email or SMS). */
export function formatOutboxLine(entry: OutboxEntry): string {
  const via = entry.authFactor.type === 'EM' ? 'email' : 'SMS'
  return `[ssks-emulator] challenge ${entry.challenge} sent by ${via} to ${entry.authFactor.value} for user ${JSON.stringify(entry.userId)} (session ${entry.sessionId.slice(0, 8)}…)`
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
