/**
 * Hand-written checks reproducing the official plugin's Joi schema (ssks-protocol.md §6.2)
 * without shipping Joi: same order, same first error, same messages — except that a value
 * failing a pattern is NOT echoed (Joi writes `with value "<v>"`), because the patterns guard
 * secrets (raw keys, challenges) and error messages end up in logs and error trackers.
 */
import { SSKS2MRValidationError } from '../errors'
import { AUTH_FACTOR_VALUE_MAX } from '../protocol/constants'
import type { AuthFactor } from '../protocol/wire'

export type Args = Record<string, unknown>

export function fail(path: string, message: string): never {
  throw new SSKS2MRValidationError(path, message)
}

export interface StringRule {
  required?: boolean
  max?: number
  pattern?: RegExp
}

/** Joi's `string()` checks: absent (undefined) is fine unless required; null is not a string. */
export function checkString(path: string, value: unknown, rule: StringRule = {}): void {
  if (value === undefined) {
    if (rule.required) fail(path, `"${path}" is required`)
    return
  }
  if (typeof value !== 'string') fail(path, `"${path}" must be a string`)
  if (value === '') fail(path, `"${path}" is not allowed to be empty`)
  if (rule.max !== undefined && value.length > rule.max) {
    fail(path, `"${path}" length must be less than or equal to ${rule.max} characters long`)
  }
  // Redacted on purpose: Joi would print `"<path>" with value "<secret>" fails to match ...`.
  if (rule.pattern && !rule.pattern.test(value)) fail(path, `"${path}" fails to match the required pattern: ${rule.pattern}`)
}

/**
 * SSKS session ids go into a header. Beyond Joi: refuse what `fetch` would reject or silently
 * trim (control characters, non-ASCII, leading/trailing spaces), before any I/O.
 */
export function checkHeaderValue(path: string, value: unknown): void {
  if (typeof value === 'string' && !/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
    fail(path, `"${path}" must only contain printable ASCII characters`)
  }
}

const AUTH_FACTOR_KEYS = ['type', 'value']

/** `{ type: 'EM'|'SMS', value: non-empty string ≤ 1024 }`, no other key (Joi order: known keys, then unknown). */
export function checkAuthFactor(path: string, value: unknown, required = false): void {
  if (value === undefined) {
    if (required) fail(path, `"${path}" is required`)
    return
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `"${path}" must be of type object`)
  const factor = value as Partial<Record<keyof AuthFactor, unknown>>
  if (factor.type === undefined) fail(`${path}.type`, `"${path}.type" is required`)
  if (factor.type !== 'EM' && factor.type !== 'SMS') fail(`${path}.type`, `"${path}.type" must be one of [EM, SMS]`)
  checkString(`${path}.value`, factor.value, { required: true, max: AUTH_FACTOR_VALUE_MAX })
  for (const key of Object.keys(value)) {
    if (!AUTH_FACTOR_KEYS.includes(key)) fail(`${path}.${key}`, `"${path}.${key}" is not allowed`)
  }
}

/** Joi's `.xor(a, b)`: exactly one present (checked after every key, as Joi does). */
export function checkXor(args: Args, a: string, b: string): void {
  const hasA = args[a] !== undefined
  const hasB = args[b] !== undefined
  if (hasA && hasB) fail('', `"value" contains a conflict between exclusive peers [${a}, ${b}]`)
  if (!hasA && !hasB) fail('', `"value" must contain at least one of [${a}, ${b}]`)
}

/**
 * `identity`: bytes. The official plugin demands a Node Buffer; browsers have no Buffer, so any
 * `Uint8Array` (a Buffer is one) is accepted. The tag check also works across realms (jsdom, iframes).
 */
export function checkIdentity(path: string, value: unknown): void {
  if (value === undefined) return
  if (Object.prototype.toString.call(value) !== '[object Uint8Array]') {
    fail(path, `"${path}" failed custom validation because must be Buffer or Uint8Array`)
  }
}

/** Beyond Joi: `signal` must be an AbortSignal when given. */
export function checkSignal(path: string, value: unknown): void {
  if (value === undefined) return
  const signal = value as Partial<AbortSignal> | null
  if (signal === null || typeof signal !== 'object' || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
    fail(path, `"${path}" must be an AbortSignal`)
  }
}

/** The argument itself must be an object (the official plugin would throw a destructuring TypeError). */
export function checkArgsObject(args: unknown): asserts args is Args {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) fail('', '"value" must be of type object')
}
