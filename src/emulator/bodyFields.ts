import { AUTH_FACTOR_VALUE_MAX } from '../core/protocol/constants'
import type { AuthFactor } from '../core/protocol/wire'
import { HttpError } from './httpError'

/**
 * Field readers for parsed JSON bodies. Each throws a 400 with DRF-like wording naming the field,
 * so a malformed body never reaches the state code.
 */
const has = (body: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined && body[key] !== null

export function requiredString(body: Record<string, unknown>, key: string, maxLength = 4096): string {
  if (!has(body, key)) throw new HttpError(400, `${key}: This field is required.`)
  const value = body[key]
  if (typeof value !== 'string') throw new HttpError(400, `${key}: Not a valid string.`)
  if (value.length === 0) throw new HttpError(400, `${key}: This field may not be blank.`)
  if (value.length > maxLength)
    throw new HttpError(400, `${key}: Ensure this field has no more than ${maxLength} characters.`)
  return value
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  if (!has(body, key)) return undefined
  if (typeof body[key] !== 'string') throw new HttpError(400, `${key}: Not a valid string.`)
  return body[key] as string
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean {
  if (!has(body, key)) return false
  if (typeof body[key] !== 'boolean') throw new HttpError(400, `${key}: Must be a valid boolean.`)
  return body[key] as boolean
}

/** `{type: 'EM'|'SMS', value}`; undefined when absent. */
export function optionalAuthFactor(body: Record<string, unknown>, key: string): AuthFactor | undefined {
  if (!has(body, key)) return undefined
  const raw = body[key]
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(400, `${key}: Expected a dictionary with type and value.`)
  }
  const factor = raw as Record<string, unknown>
  const type = factor['type']
  if (type !== 'EM' && type !== 'SMS') throw new HttpError(400, `${key}.type: Must be "EM" or "SMS".`)
  return { type, value: requiredString(factor, 'value', AUTH_FACTOR_VALUE_MAX) }
}

/** The flat `{auth_factor_type, auth_factor_value}` pair of get_factor_token. */
export function flatAuthFactor(body: Record<string, unknown>): AuthFactor {
  const type = body['auth_factor_type']
  if (type !== 'EM' && type !== 'SMS') {
    throw new HttpError(
      400,
      has(body, 'auth_factor_type')
        ? 'auth_factor_type: Not a valid choice.'
        : 'auth_factor_type: This field is required.',
    )
  }
  return { type, value: requiredString(body, 'auth_factor_value', AUTH_FACTOR_VALUE_MAX) }
}
