import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CHALLENGE_ALPHABET } from '../../../src/core/protocol/constants'
import { findChallengeInText } from '../../../src/react/challenge-entry/findChallengeInText'
import { interpretChallengeInput, pasteIntoChallenge } from '../../../src/react/challenge-entry/interpretChallengeInput'
import { normalizeChallengeInput } from '../../../src/react/challenge-entry/normalizeChallengeInput'
import { formatMessage } from '../../../src/react/messages/formatMessage'

const code = fc.string({ unit: fc.constantFrom(...CHALLENGE_ALPHABET), minLength: 8, maxLength: 8 })
const toFullWidth = (text: string) => text.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('normalizeChallengeInput', () => {
  it('folds case and width, drops separators and invisible characters', () => {
    expect(normalizeChallengeInput('ＡＢ-cd\u200b E.F\u00adg\u2069h').characters).toBe('abcdefgh')
  })

  it('refuses 0 1 i l o and symbols, each once, in order', () => {
    expect(normalizeChallengeInput('a0b0I!lo1')).toEqual({
      characters: 'ab',
      refused: ['0', 'i', '!', 'l', 'o', '1'],
      meaningfulLength: 9,
    })
  })

  it('refuses an emoji whole, not as two surrogate halves', () => {
    expect(normalizeChallengeInput('a😀').refused).toEqual(['😀'])
  })
})

describe('findChallengeInText', () => {
  it('finds a code however it is formatted or worded', () => {
    fc.assert(
      fc.property(
        code,
        fc.constantFrom(
          (c: string) => c,
          (c: string) => c.toUpperCase(),
          (c: string) => `${c.slice(0, 4)}-${c.slice(4)}`,
          (c: string) => `${c.slice(0, 4)} ${c.slice(4)}`.toUpperCase(),
          (c: string) => toFullWidth(c),
          (c: string) => `\u200b${c.slice(0, 4)}\u2060${c.slice(4)}\ufeff`,
          (c: string) => `Your code is ${c.slice(0, 4).toUpperCase()}-${c.slice(4).toUpperCase()}.`,
          (c: string) => `Votre code\u00a0: «\u00a0${c}\u00a0». Il expire dans 6\u00a0h.`,
        ),
        (c, format) => {
          expect(findChallengeInText(format(c))).toBe(c)
        },
      ),
    )
  })

  it('prefers a dashed or solid code over two ordinary four-letter words', () => {
    expect(findChallengeInText('have fund: WXYZ-2345')).toBe('wxyz2345')
  })

  it('finds nothing in text without a code', () => {
    expect(findChallengeInText('hello world')).toBeNull()
    expect(findChallengeInText('abcdefghj')).toBeNull()
    expect(findChallengeInText('')).toBeNull()
  })
})

describe('interpretChallengeInput / pasteIntoChallenge', () => {
  it('keeps what is accepted and reports what is refused', () => {
    expect(interpretChallengeInput('abC0')).toEqual({ value: 'abc', notice: { kind: 'refused', characters: ['0'] } })
  })

  it('refuses long text without a code as a whole instead of cutting it to 8', () => {
    expect(interpretChallengeInput('hello world')).toEqual({ value: null, notice: { kind: 'noCode' } })
  })

  it('a pasted code replaces the value; a fragment goes in at the selection', () => {
    expect(pasteIntoChallenge('zz', 2, 2, 'Code: ABCD EFGH')).toEqual({ value: 'abcdefgh', notice: null })
    expect(pasteIntoChallenge('abgh', 2, 2, 'cdef')).toEqual({ value: 'abcdefgh', notice: null })
    expect(pasteIntoChallenge('abcdefgh', 0, 8, 'x')).toEqual({ value: 'x', notice: null })
    expect(pasteIntoChallenge('abcdef', 6, 6, 'ghj')).toEqual({ value: null, notice: { kind: 'noCode' } })
  })
})

describe('formatMessage', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })
})
