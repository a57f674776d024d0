import { CHALLENGE_ALPHABET } from '../../core/protocol/constants'

/**
 * Characters that carry no meaning in a code, removed before validation: whitespace (also
 * no-break and thin spaces), every dash and hyphen, dots, and invisible formatting characters —
 * zero-width spaces/joiners, the BOM, soft hyphens and bidi marks, which ride along when a code is
 * copied from an email, a chat bubble or a right-to-left page.
 */
export const IGNORED_IN_CODE =
  /[\s\-\u2010-\u2015\u2212.\u00b7\u2024\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu

/** Only the invisible ones: kept apart so a sentence keeps its word boundaries. */
export const INVISIBLE_IN_CODE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu

export interface NormalizedChallengeInput {
  /** The accepted characters, in order (may be longer than a code). */
  characters: string
  /** Each refused character once, in order of appearance (after NFKC and lower-casing). */
  refused: string[]
  /** Accepted plus refused characters: how much meaningful text there was. */
  meaningfulLength: number
}

/**
 * Accept, normalise, then validate: NFKC (full-width `ＡＢ` → `ab`, ligatures split), lower-case,
 * drop separators and invisible characters, then sort the rest into what the challenge alphabet
 * allows and what it refuses (`0 1 i l o`, symbols, other scripts) so refusals can be shown.
 */
export function normalizeChallengeInput(raw: string): NormalizedChallengeInput {
  const text = raw.normalize('NFKC').toLowerCase().replace(IGNORED_IN_CODE, '')
  let characters = ''
  const refused: string[] = []
  let meaningfulLength = 0
  // for…of walks code points, so an emoji is refused whole rather than as two halves.
  for (const character of text) {
    meaningfulLength += 1
    if (CHALLENGE_ALPHABET.includes(character)) characters += character
    else if (!refused.includes(character)) refused.push(character)
  }
  return { characters, refused, meaningfulLength }
}
