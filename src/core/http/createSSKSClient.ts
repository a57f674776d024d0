import ky, { type Options } from 'ky'
import type { SSKS2MRLogger } from '../logger'
import { HEADERS, PATHS } from '../protocol/constants'
import type { Endpoint } from './endpoints'
import { shortHash } from '../shortHash'
import { toSSKS2MRError } from './toSSKS2MRError'

export interface SSKSClientOptions {
  keyStorageURL: string
  /** Custom fetch; default: `globalThis.fetch`, looked up at call time. */
  fetch?: typeof globalThis.fetch
  timeoutMs: number
  /** Extra attempts for calls marked `idempotent`. */
  retries: number
  /** First retry delay; doubles on each attempt. */
  retryDelayMs: number
  logger: SSKS2MRLogger
  /** `keyStore.extraHeaders`, read at call time so callers can change it (as the official plugin). */
  extraHeaders: () => Record<string, string>
}

export interface SSKSCall {
  sessionId: string
  /** JSON body; none for `search`. Serialised with `JSON.stringify`, so key order is the caller's. */
  body?: unknown
  signal?: AbortSignal
  /** Safe to repeat (same answer, no state change): enables ky's retries. */
  idempotent?: boolean
}

/** POSTs to an SSKS front-end endpoint; resolves the parsed JSON answer (undefined if not JSON). */
export type SSKSClient = (endpoint: Endpoint, call: SSKSCall) => Promise<unknown>

/** Statuses worth a second try on an idempotent call: the server may answer next time. */
const RETRY_STATUSES = [408, 500, 502, 503, 504]

/**
 * The plugin's only door to the network. Every call: POST, an absolute path resolved against
 * `keyStorageURL` like the official plugin (`new URL('/tmr/front/push/', base)` drops any base
 * path), `credentials: 'omit'`, a timeout, the caller's AbortSignal, headers in the official
 * order, and every failure turned into a typed `SSKS2MRError`.
 */
export function createSSKSClient(options: SSKSClientOptions): SSKSClient {
  const http = ky.create({
    credentials: 'omit',
    timeout: options.timeoutMs,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  })
  return async (endpoint, call) => {
    const url = new URL(PATHS[endpoint], options.keyStorageURL).href
    const session = shortHash(call.sessionId)
    const kyOptions: Options = {
      headers: { ...options.extraHeaders(), 'Content-Type': 'application/json', [HEADERS.session]: call.sessionId },
      retry: call.idempotent
        ? {
            limit: options.retries,
            methods: ['post'],
            statusCodes: RETRY_STATUSES,
            afterStatusCodes: [],
            delay: (attempt) => options.retryDelayMs * 2 ** (attempt - 1),
            backoffLimit: 10_000,
          }
        : 0,
      hooks: {
        beforeRetry: [({ retryCount }) => options.logger.warn('SSKS request retried', { operation: endpoint, attempt: retryCount + 1, session })],
      },
    }
    if (call.body !== undefined) kyOptions.body = JSON.stringify(call.body)
    if (call.signal) kyOptions.signal = call.signal
    options.logger.debug('SSKS request', { operation: endpoint, session })
    try {
      const response = await http.post(url, kyOptions)
      options.logger.debug('SSKS answer', { operation: endpoint, status: response.status, session })
      const text = await response.text()
      try {
        return JSON.parse(text) as unknown
      } catch {
        return undefined
      }
    } catch (error) {
      const sent = [call.sessionId, ...stringLeaves(call.body)]
      const mapped = await toSSKS2MRError(endpoint, error, { signal: call.signal, timeoutMs: options.timeoutMs, sent })
      options.logger.debug('SSKS call failed', { operation: endpoint, code: mapped.code, status: mapped.status, session })
      throw mapped
    }
  }
}

/** Every string inside a JSON body, to keep server echoes of them out of error messages. */
function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap(stringLeaves)
}
