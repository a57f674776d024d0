import type { SSKS2MROptions } from '../types'
import { fail } from './rules'

const MAX_TIMEOUT_MS = 2_147_483_647 // setTimeout's limit; ky refuses more

/**
 * Checks the plugin's own options when the SDK applies it, so a misconfiguration fails at start-up
 * (inside `SealdSDK({...})`) rather than on a user's first backup.
 */
export function validateOptions(options: unknown): SSKS2MROptions {
  if (options === undefined) return {}
  if (options === null || typeof options !== 'object') fail('options', '"options" must be of type object')
  const o = options as Record<string, unknown>
  checkNumber(o, 'timeoutMs', 1, MAX_TIMEOUT_MS, false)
  checkNumber(o, 'retries', 0, 10, true)
  checkNumber(o, 'renewalPushRetries', 0, 10, true)
  checkNumber(o, 'retryDelayMs', 0, 60_000, false)
  for (const key of ['fetch', 'scrypt']) {
    if (o[key] !== undefined && typeof o[key] !== 'function') fail(`options.${key}`, `"options.${key}" must be a function`)
  }
  const logger = o.logger as Record<string, unknown> | undefined
  if (logger !== undefined && (logger === null || ['debug', 'warn', 'error'].some((level) => typeof logger[level] !== 'function'))) {
    fail('options.logger', '"options.logger" must have debug, warn and error functions')
  }
  return o as SSKS2MROptions
}

function checkNumber(o: Record<string, unknown>, key: string, min: number, max: number, integer: boolean): void {
  const value = o[key]
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(`options.${key}`, `"options.${key}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`)
  }
}
