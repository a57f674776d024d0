import { fail } from './rules'

const URI_MESSAGE = '"keyStorageURL" must be a valid uri with a scheme matching the http|https pattern'
// RFC 3986 characters only (Joi's `uri()` refuses spaces, quotes, `{}|\^` and raw non-ASCII),
// an `http`/`https` scheme in lower case (Joi matches the scheme case-sensitively) and a host.
const URI_SHAPE = /^https?:\/\/[^/?#]+[\w\-.~:/?@!$&'()*+,;=%[\]]*(?:#[\w\-.~:/?@!$&'()*+,;=%[\]]*)?$/
const URI_CHARS = /^[\w\-.~:/?#@!$&'()*+,;=%[\]]+$/

/**
 * Checks `keyStorageURL` as the official plugin's Joi schema does (string, non-empty URI, scheme
 * http/https, case-sensitive) and normalises it with `new URL(x).href` (adds the `/` after a
 * bare origin). Beyond Joi: a URI that `new URL` cannot parse is a validation error too, not a
 * TypeError. Throws `SSKS2MRValidationError`.
 */
export function validateKeyStorageURL(keyStorageURL: unknown): string {
  if (typeof keyStorageURL !== 'string') fail('keyStorageURL', '"keyStorageURL" must be a string')
  if (keyStorageURL === '') fail('keyStorageURL', '"keyStorageURL" is not allowed to be empty')
  if (!URI_CHARS.test(keyStorageURL) || !URI_SHAPE.test(keyStorageURL)) fail('keyStorageURL', URI_MESSAGE)
  try {
    return new URL(keyStorageURL).href
  } catch {
    return fail('keyStorageURL', URI_MESSAGE)
  }
}
