/**
 * Joi-style checks shared by the plugin's argument validation and the back-end's `challengeSend`,
 * so both refuse the same values with the same words (`"authFactor.value" is required`).
 */
import { AUTH_FACTOR_VALUE_MAX } from '../protocol/constants'
import { fail } from './fail'

/** A session id goes into a header: printable ASCII, no space at either end (what fetch would reject or trim). */
export const SESSION_ID_PATTERN = /^[!-~](?:[ -~]*[!-~])?$/

export type Args = Record<string, unknown>

export function isObject(value: unknown): value is Args {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Joi's `string()`: absent (undefined) is fine unless required; null is not a string. */
export function checkString(path: string, value: unknown, required?: boolean, max = 0, pattern?: RegExp): void {
  if (value === undefined) return void (required && fail(path, 'is required'))
  if (typeof value !== 'string') fail(path, 'must be a string')
  if (value === '') fail(path, 'is not allowed to be empty')
  if (max && value.length > max) fail(path, `length must be less than or equal to ${max} characters long`)
  // Redacted on purpose: Joi would print `"<path>" with value "<secret>" fails to match ...`.
  if (pattern && !pattern.test(value)) fail(path, `fails to match the required pattern: ${pattern}`)
}

/** Joi's `boolean()` for an optional field. */
export function checkBoolean(path: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') fail(path, 'must be a boolean')
}

/** `{ type: 'EM'|'SMS', value: non-empty string ≤ 1024 }`, no other key (Joi: known keys first, then unknown). */
export function checkAuthFactor(factor: unknown, required: boolean): void {
  if (factor === undefined) return void (required && fail('authFactor', 'is required'))
  if (!isObject(factor)) fail('authFactor', 'must be of type object')
  if (factor.type === undefined) fail('authFactor.type', 'is required')
  if (factor.type !== 'EM' && factor.type !== 'SMS') fail('authFactor.type', 'must be one of [EM, SMS]')
  checkString('authFactor.value', factor.value, true, AUTH_FACTOR_VALUE_MAX)
  const unknown = Object.keys(factor).find((key) => key !== 'type' && key !== 'value')
  if (unknown !== undefined) fail(`authFactor.${unknown}`, 'is not allowed')
}

// The getter behind every typed array's `Symbol.toStringTag`: it reads the engine's internal
// slot, so it names the real kind (across realms too) and gives undefined for anything else,
// whatever the object claims about itself.
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag)!.get!

/** Real bytes: a Uint8Array (a Node Buffer is one), from this realm or another, not a look-alike. */
export function isByteArray(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && typedArrayName.call(value) === 'Uint8Array'
}
