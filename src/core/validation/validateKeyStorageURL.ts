import { fail } from './fail'

// RFC 3986 characters only (Joi's `uri()` refuses spaces, quotes, `{}|\^` and raw non-ASCII),
// an `http`/`https` scheme in lower case (Joi matches the scheme case-sensitively), a host, and
// at most one `#`.
const HTTP_URI = /^https?:\/\/[\w\-.~:@!$&'()*+,;=%[\]]+[\w\-.~:/?@!$&'()*+,;=%[\]]*(#[\w\-.~:/?@!$&'()*+,;=%[\]]*)?$/

/**
 * Checks `keyStorageURL` as the official plugin's Joi schema does (string, non-empty URI, scheme
 * http/https, case-sensitive) and normalises it with `new URL(x).href` (adds the `/` after a
 * bare origin). Beyond Joi: a URI that `new URL` cannot parse is a validation error too, not a
 * TypeError. Throws `SSKS2MRValidationError`.
 */
export function validateKeyStorageURL(keyStorageURL: unknown): string {
  const path = 'keyStorageURL'
  if (typeof keyStorageURL !== 'string') fail(path, 'must be a string')
  if (keyStorageURL === '') fail(path, 'is not allowed to be empty')
  try {
    if (HTTP_URI.test(keyStorageURL)) return new URL(keyStorageURL).href
  } catch {
    // falls through to the same message
  }
  return fail(path, 'must be a valid uri with a scheme matching the http|https pattern')
}
