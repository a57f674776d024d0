import type { SSKS2MROptions } from '../types'
import { fail } from './fail'

/** [option, min, max, integer]; 2 147 483 647 ms is setTimeout's limit (ky refuses more). */
const NUMBERS: Array<[keyof SSKS2MROptions, number, number, boolean?]> = [
  ['timeoutMs', 1, 2_147_483_647],
  ['retries', 0, 10, true],
  ['renewalPushRetries', 0, 10, true],
  ['retryDelayMs', 0, 60_000],
]

/**
 * Checks the plugin's own options when the SDK applies it, so a misconfiguration fails at start-up
 * (inside `SealdSDK({...})`) rather than on a user's first backup. Returns the options without
 * their `undefined` entries, ready to be spread over the defaults.
 */
export function validateOptions(options: unknown = {}): SSKS2MROptions {
  if (options === null || typeof options !== 'object') fail('options', 'must be of type object')
  const o = Object.fromEntries(Object.entries(options).filter((entry) => entry[1] !== undefined)) as Record<string, unknown>
  for (const [key, min, max, integer] of NUMBERS) {
    const value = o[key] as number
    if (key in o && !(typeof value === 'number' && value >= min && value <= max && (!integer || Number.isInteger(value)))) {
      fail(`options.${key}`, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`)
    }
  }
  for (const key of ['fetch', 'scrypt']) if (key in o && typeof o[key] !== 'function') fail(`options.${key}`, 'must be a function')
  const logger = o.logger as Record<string, unknown> | null
  if ('logger' in o && ['debug', 'warn', 'error'].some((level) => typeof logger?.[level] !== 'function')) {
    fail('options.logger', 'must have debug, warn and error functions')
  }
  return o
}
