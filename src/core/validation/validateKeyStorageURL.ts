import { fail } from './fail'

// RFC 3986 characters only (Joi's `uri()` refuses spaces, quotes, `{}|\^` and raw non-ASCII), an
// `http`/`https` scheme in lower case (Joi matches the scheme case-sensitively), a host, and at
// most one `#`. Each character has exactly one way to match (no two quantifiers over the same
// characters in a row), so a refusal costs one pass: a long invalid URL cannot stall the page.
const HTTP_URI = /^https?:\/\/[\w\-.~:@!$&'()*+,;=%[\]][\w\-.~:/?@!$&'()*+,;=%[\]]*(?:#[\w\-.~:/?@!$&'()*+,;=%[\]]*)?$/

/**
 * Checks `keyStorageURL` as the official plugin's Joi schema does (string, non-empty URI, scheme
 * http/https, case-sensitive) and normalises it with `new URL(x).href` (adds the `/` after a
 * bare origin). Beyond Joi: a URI that `new URL` cannot parse is a validation error too, not a
 * TypeError; and user info (`https://user:pass@host/`) is refused, because fetch refuses such URLs
 * on every call, and a password does not belong in configuration that ends up in bundles.
 * Throws `SSKS2MRValidationError`.
 */
export function validateKeyStorageURL(keyStorageURL: unknown): string {
  const path = 'keyStorageURL'
  if (typeof keyStorageURL !== 'string') fail(path, 'must be a string')
  if (keyStorageURL === '') fail(path, 'is not allowed to be empty')
  let href: string | undefined
  try {
    if (HTTP_URI.test(keyStorageURL)) href = new URL(keyStorageURL).href
  } catch {
    // falls through to the same message
  }
  if (href === undefined) return fail(path, 'must be a valid uri with a scheme matching the http|https pattern')
  // The authority is what lies between `//` and the first `/`, `?` or `#`; an `@` there is user info (even empty).
  if (/^https?:\/\/[^/?#]*@/.test(keyStorageURL)) fail(path, 'must not contain user info (user:password@)')
  return href
}
