import type { SSKS2MROptions } from '../types'
import { fail } from './fail'

/** Highest value of each numeric option (2 147 483 647 ms is setTimeout's limit, which ky enforces). */
const MAX: Record<string, number> = {
  timeoutMs: 2_147_483_647,
  retries: 10,
  renewalPushRetries: 10,
  retryDelayMs: 60_000,
}

/**
 * Checks the plugin's own options when the SDK applies it, so a misconfiguration fails at start-up
 * (inside `SealdSDK({...})`) rather than on a user's first backup. Returns the options without
 * their `undefined` entries, ready to be spread over the defaults.
 */
export function validateOptions(options: unknown = {}): SSKS2MROptions {
  if (options === null || typeof options !== 'object') fail('options', 'must be of type object')
  const o = Object.fromEntries(Object.entries(options).filter((entry) => entry[1] !== undefined)) as Record<
    string,
    unknown
  >
  for (const key in MAX) {
    const min = +(key === 'timeoutMs')
    const value = o[key] as number
    if (key in o && !(Number.isInteger(value) && value >= min && value <= MAX[key]!))
      fail(`options.${key}`, `must be an integer from ${min} to ${MAX[key]}`)
  }
  for (const key of ['fetch', 'scrypt', 'logger']) {
    const value = o[key] as Record<string, unknown> | null
    // A logger is an object with the three methods.
    const ok =
      key === 'logger'
        ? ['debug', 'warn', 'error'].every((level) => typeof value?.[level] === 'function')
        : typeof value === 'function'
    if (key in o && !ok)
      fail(`options.${key}`, key === 'logger' ? 'must have debug, warn and error functions' : 'must be a function')
  }
  return o
}
