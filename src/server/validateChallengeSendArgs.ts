import { SSKS2MRValidationError } from '../core/errors'
import { AUTH_FACTOR_VALUE_MAX } from '../core/protocol'
import type { ChallengeSendArgs } from './types'

const OPTIONAL_BOOLEANS = ['createUser', 'forceAuth', 'fakeOtp'] as const
const OPTIONAL_STRINGS = ['template', 'templateId'] as const

/** Rejects bad arguments before any request, with the same wording as the plugin's checks. */
export function validateChallengeSendArgs(args: ChallengeSendArgs): void {
  if (args === null || typeof args !== 'object') throw new SSKS2MRValidationError('value', '"value" must be of type object')
  requireNonEmptyString(args.userId, 'userId')
  const { authFactor } = args
  if (authFactor === undefined) throw new SSKS2MRValidationError('authFactor', '"authFactor" is required')
  if (authFactor === null || typeof authFactor !== 'object') {
    throw new SSKS2MRValidationError('authFactor', '"authFactor" must be of type object')
  }
  if (authFactor.type !== 'EM' && authFactor.type !== 'SMS') {
    throw new SSKS2MRValidationError('authFactor.type', '"authFactor.type" must be one of [EM, SMS]')
  }
  requireNonEmptyString(authFactor.value, 'authFactor.value')
  if (authFactor.value.length > AUTH_FACTOR_VALUE_MAX) {
    throw new SSKS2MRValidationError(
      'authFactor.value',
      `"authFactor.value" length must be less than or equal to ${AUTH_FACTOR_VALUE_MAX} characters long`,
    )
  }
  for (const key of OPTIONAL_BOOLEANS) {
    if (args[key] !== undefined && typeof args[key] !== 'boolean') {
      throw new SSKS2MRValidationError(key, `"${key}" must be a boolean`)
    }
  }
  for (const key of OPTIONAL_STRINGS) {
    if (args[key] !== undefined) requireNonEmptyString(args[key], key)
  }
}

function requireNonEmptyString(value: unknown, path: string): asserts value is string {
  if (value === undefined) throw new SSKS2MRValidationError(path, `"${path}" is required`)
  if (typeof value !== 'string') throw new SSKS2MRValidationError(path, `"${path}" must be a string`)
  if (value === '') throw new SSKS2MRValidationError(path, `"${path}" is not allowed to be empty`)
}
