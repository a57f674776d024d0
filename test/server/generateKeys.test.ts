import { describe, expect, it } from 'vitest'
import { generateRawTwoManRuleKey, generateTwoManRuleKey, TWO_MAN_RULE_KEY_BYTES } from '../../src/server/index'
import { RAW_KEY_PATTERN } from '../../src/core/protocol'

const decode = (b64: string) => Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64')

describe('generateTwoManRuleKey', () => {
  it('is 32 random bytes as unpadded base64url (256 bits)', () => {
    const key = generateTwoManRuleKey()
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(decode(key)).toHaveLength(TWO_MAN_RULE_KEY_BYTES)
    expect(TWO_MAN_RULE_KEY_BYTES).toBe(32)
  })

  it('never repeats and uses the whole alphabet over many draws', () => {
    const keys = Array.from({ length: 200 }, generateTwoManRuleKey)
    expect(new Set(keys).size).toBe(keys.length)
    const seen = new Set(keys.join(''))
    expect(seen.size).toBeGreaterThan(60) // 64 symbols; a non-uniform source would miss many
  })
})

describe('generateRawTwoManRuleKey', () => {
  it('is standard base64 of exactly 64 bytes, as the plugin requires', () => {
    const key = generateRawTwoManRuleKey()
    expect(key).toMatch(RAW_KEY_PATTERN)
    expect(key).toMatch(/^[A-Za-z0-9+/]{86}==$/)
    const bytes = Buffer.from(key, 'base64')
    expect(bytes).toHaveLength(64)
    expect(bytes.toString('base64')).toBe(key) // canonical encoding
  })

  it('never repeats', () => {
    const keys = Array.from({ length: 200 }, generateRawTwoManRuleKey)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
