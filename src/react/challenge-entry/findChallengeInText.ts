import { CHALLENGE_ALPHABET, CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { INVISIBLE_IN_CODE, normalizeChallengeInput } from './normalizeChallengeInput'

const SYMBOL = `[${CHALLENGE_ALPHABET}]`
const HALF = CHALLENGE_LENGTH / 2
// A code standing alone between non-alphanumerics: 8 symbols, or 4 + 4 joined by one dash or dot…
const TIGHT = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${SYMBOL}{${HALF}})[-\\u2010-\\u2015\\u2212.\\u00b7]?(${SYMBOL}{${HALF}})(?![\\p{L}\\p{N}])`,
  'u',
)
// …or 4 + 4 split by spaces, tried second: two ordinary 4-letter words ("have fund") look like that too.
const SPACED = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${SYMBOL}{${HALF}})\\s+(${SYMBOL}{${HALF}})(?![\\p{L}\\p{N}])`, 'u')

/**
 * The code inside pasted or autofilled text, or `null`. The whole text counts when it is exactly
 * one code once separators are gone (`ABCD-EFGH`, `abcd efgh`, `ＡＢＣＤ ＥＦＧＨ`); otherwise a
 * sentence such as "Your code is ABCD-EFGH." yields the first word-shaped code in it.
 */
export function findChallengeInText(raw: string): string | null {
  const whole = normalizeChallengeInput(raw)
  if (whole.refused.length === 0 && whole.characters.length === CHALLENGE_LENGTH) return whole.characters

  const text = raw.normalize('NFKC').toLowerCase().replace(INVISIBLE_IN_CODE, '')
  const match = TIGHT.exec(text) ?? SPACED.exec(text)
  return match ? `${match[1]}${match[2]}` : null
}
