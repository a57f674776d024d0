import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64 } from '../../src/core/crypto/base64'

const nodeDecode = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

describe('base64', () => {
  it('encodes exactly as Buffer#toString("base64") (standard, padded)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      }),
    )
  })

  it('handles inputs larger than one String.fromCharCode chunk', () => {
    const bytes = new Uint8Array(randomBytes(100_003))
    const text = encodeBase64(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64'))
    expect(decodeBase64(text)).toEqual(bytes)
  })

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes)
      }),
    )
  })

  it.each([
    'QQ==QQ==',
    'QQ',
    'Q Q = =',
    'QUJD-_',
    'QUJD!!RA==',
    'QUI=',
    'QUJ',
    'Q===',
    'QUJDRA=x',
    'QR==',
    '',
    '====',
    '\nQUJD\r\nRA==\n',
  ])('decodes %j as leniently as Node', (text) => expect(decodeBase64(text)).toEqual(nodeDecode(text)))

  it('decodes arbitrary text like Node (skips junk, URL-safe alphabet, stops at "=")', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n!.é'.split('')
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (chars) => {
        const text = chars.join('')
        expect(decodeBase64(text)).toEqual(nodeDecode(text))
      }),
      { numRuns: 500 },
    )
  })
})
