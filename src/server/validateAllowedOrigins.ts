import { SSKS2MRValidationError } from '../core/errors'

/**
 * `allowedOrigins` as a set of serialised origins (`https://app.example`, `http://127.0.0.1:6006`),
 * checked at set-up: the browser sends exactly that form in `Origin`, so anything else (a trailing
 * slash, a path, `*`, `null`) would never match, or match more than meant.
 */
export function validateAllowedOrigins(allowedOrigins: unknown): ReadonlySet<string> {
  if (allowedOrigins === undefined) return new Set()
  const refuse = () => {
    const message = '"allowedOrigins" must be an array of origins such as "https://app.example"'
    throw new SSKS2MRValidationError('allowedOrigins', message)
  }
  if (!Array.isArray(allowedOrigins)) refuse()
  for (const origin of allowedOrigins as unknown[]) {
    if (typeof origin !== 'string' || !/^https?:\/\//.test(origin) || safeOrigin(origin) !== origin) refuse()
  }
  return new Set(allowedOrigins as string[])
}

function safeOrigin(text: string): string | undefined {
  try {
    return new URL(text).origin
  } catch {
    return undefined
  }
}
