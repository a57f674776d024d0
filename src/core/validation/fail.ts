import { SSKS2MRValidationError } from '../errors'

/**
 * Throws Joi's message for `path`: `"<path>" <rule>`, or `"value" <rule>` for the argument
 * object itself (path `''`), as the official plugin's Joi errors read.
 */
export function fail(path: string, rule: string): never {
  throw new SSKS2MRValidationError(path, `"${path || 'value'}" ${rule}`)
}
