import { SSKS2MRValidationError } from '../core/errors'
import { validateKeyStorageURL } from '../core/validation/validateKeyStorageURL'
import { PATHS } from '../core/protocol'
import { challengeSend } from './challengeSend'
import { createSessionHandler } from './createSessionHandler'
import type { SSKSBackend, SSKSBackendOptions } from './types'

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * The back-end half of SSKS 2MR for an app's server: `challengeSend` (typed errors, one
 * attempt, timeout) and a ready session route. Options are checked here, once, so a
 * misconfigured server fails at start-up rather than on a user's first sign-in.
 */
export function createSSKSBackend(options: SSKSBackendOptions): SSKSBackend {
  const { keyStorageURL, appId, apiKey, fetch, timeoutMs = DEFAULT_TIMEOUT_MS } = options ?? ({} as SSKSBackendOptions)
  const url = challengeSendURL(keyStorageURL)
  if (typeof appId !== 'string' || appId === '')
    throw new SSKS2MRValidationError('appId', '"appId" must be a non-empty string')
  if (typeof apiKey !== 'string' || apiKey === '')
    throw new SSKS2MRValidationError('apiKey', '"apiKey" must be a non-empty string')
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new SSKS2MRValidationError('timeoutMs', '"timeoutMs" must be a positive number')
  if (fetch !== undefined && typeof fetch !== 'function')
    throw new SSKS2MRValidationError('fetch', '"fetch" must be a function')

  const config = { url, appId, apiKey, fetch, timeoutMs }
  const send: SSKSBackend['challengeSend'] = (args) => challengeSend(config, args)
  return {
    challengeSend: send,
    createSessionHandler: (handlerOptions) => createSessionHandler(send, handlerOptions),
  }
}

// Absolute path, as the official clients resolve it: any path part of keyStorageURL is dropped.
// The same URL rules as the front-end plugin, so a URL the back-end accepts also works in the browser.
function challengeSendURL(keyStorageURL: unknown): string {
  return new URL(PATHS.challengeSend, validateKeyStorageURL(keyStorageURL)).href
}
