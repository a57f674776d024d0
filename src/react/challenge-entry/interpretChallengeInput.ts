import { CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { findChallengeInText } from './findChallengeInText'
import { normalizeChallengeInput } from './normalizeChallengeInput'

/** Why some input did not make it into the field; shown under it and announced. */
export type ChallengeInputNotice = { kind: 'refused'; characters: string[] } | { kind: 'noCode' }

export interface ChallengeInputResult {
  /** The field's new value, or `null` to keep the current one. */
  value: string | null
  notice: ChallengeInputNotice | null
}

/**
 * What the field should hold after the browser put `raw` in it (typing, autofill, dictation,
 * an IME commit): a whole code found in it wins; otherwise the accepted characters, with the
 * refused ones reported. Text with more meaningful characters than a code and no code in it
 * (a pasted sentence without one) is refused as a whole instead of being cut to 8 characters.
 */
export function interpretChallengeInput(raw: string): ChallengeInputResult {
  const found = findChallengeInText(raw)
  if (found !== null) return { value: found, notice: null }
  const { characters, refused, meaningfulLength } = normalizeChallengeInput(raw)
  if (meaningfulLength > CHALLENGE_LENGTH) return { value: null, notice: { kind: 'noCode' } }
  return { value: characters, notice: refused.length > 0 ? { kind: 'refused', characters: refused } : null }
}

/**
 * The field's value after pasting `pasted` over the selection `[start, end)` of `current`. A
 * pasted code (alone or in a sentence) replaces the whole value whatever was selected, because
 * a half-typed code plus a pasted one is never what the user meant.
 */
export function pasteIntoChallenge(current: string, start: number, end: number, pasted: string): ChallengeInputResult {
  const found = findChallengeInText(pasted)
  if (found !== null) return { value: found, notice: null }
  const { characters, refused, meaningfulLength } = normalizeChallengeInput(pasted)
  const combined = current.slice(0, start) + characters + current.slice(end)
  if (meaningfulLength > CHALLENGE_LENGTH || combined.length > CHALLENGE_LENGTH) {
    return { value: null, notice: { kind: 'noCode' } }
  }
  return { value: combined, notice: refused.length > 0 ? { kind: 'refused', characters: refused } : null }
}

/**
 * Like {@link interpretChallengeInput}, for text the user `typed` (a key, an IME commit) into
 * the field now holding `raw`. The input has no `maxlength` (it would cut autofilled and dictated
 * codes before any event sees them), so a key pressed in a full field arrives as a 9th character:
 * that keystroke is ignored as `maxlength` would, reporting only its refused characters.
 */
export function typeIntoChallenge(raw: string, typed: string | null): ChallengeInputResult {
  const result = interpretChallengeInput(raw)
  if (result.value !== null || typed === null) return result
  const { refused, meaningfulLength } = normalizeChallengeInput(typed)
  if (meaningfulLength >= CHALLENGE_LENGTH) return result
  return { value: null, notice: refused.length > 0 ? { kind: 'refused', characters: refused } : null }
}
