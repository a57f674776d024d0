import type { AuthFactor } from './protocol/wire'

const DOT = '•'

/**
 * A destination safe to show on screen and to announce: `j•••@example.com`, `+33 •••• •• 00`
 * style (`+336•••••00`). Keeps the domain of an email (users recognise it) and the last two
 * digits of a phone number; never reveals more than a few characters of the local part.
 */
export function maskAuthFactor(authFactor: AuthFactor): string {
  const value = authFactor.value.trim()
  if (authFactor.type === 'EM') {
    const at = value.lastIndexOf('@')
    if (at <= 0) return `${firstChar(value)}${DOT.repeat(3)}`
    return `${firstChar(value)}${DOT.repeat(3)}${value.slice(at)}`
  }
  const digits = value.replace(/[^\d+]/g, '')
  if (digits.length <= 4) return DOT.repeat(Math.max(digits.length, 3))
  const head = digits.startsWith('+') ? digits.slice(0, 3) : digits.slice(0, 1)
  return `${head}${DOT.repeat(digits.length - head.length - 2)}${digits.slice(-2)}`
}

// First user-perceived character, so an emoji or accented letter is not cut in half.
function firstChar(value: string): string {
  const [first = ''] = Array.from(value.normalize('NFC'))
  return first
}
