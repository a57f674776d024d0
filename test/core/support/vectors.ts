import { readFileSync } from 'node:fs'

/** The shared test vectors (generated with the official SDK + plugin v0.25.0), copied into test/fixtures. */
export interface VectorCase {
  name: string
  appId: string
  userId: string
  twoManRuleKey?: string
  rawTwoManRuleKey?: string
  plaintext_hex: string
  plaintext_length: number
  captured: { data_b64: string; push_request_body: string }
  deterministic: {
    salt_hex: string | null
    iv_hex: string
    data_b64: string
    parts: { salt_hex: string | null; iv_hex: string; aes_cbc_ciphertext_hex: string; hmac_sha256_hex: string }
    derivation?: {
      passwordBytes_hex: string
      saltSuffixBytes_hex: string
      scryptSalt_hex: string
      derivedKey_hex: string
      hmacKey_hex: string
      aesKey_hex: string
    }
    rawKey?: { hmacKey_hex: string; aesKey_hex: string }
  }
}

export interface Vectors {
  scrypt_rfc7914_check: {
    password: string
    salt: string
    N: number
    r: number
    p: number
    dkLen: number
    output_hex: string
  }
  encodePassword: Array<{ input: string; input_codepoints: string; encodePassword_hex: string; nfc_utf8_hex: string }>
  derivation_equivalences: Array<{
    label: string
    a: { appId: string; userId: string; twoManRuleKey: string }
    b: { appId: string; userId: string; twoManRuleKey: string }
    salt_hex: string
    derivedKey_a_hex: string
    derivedKey_b_hex: string
    equal: boolean
  }>
  vectors: VectorCase[]
}

export function loadVectors(): Vectors {
  return JSON.parse(readFileSync(new URL('../../fixtures/ssks-2mr-vectors.json', import.meta.url), 'utf8')) as Vectors
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
export const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'))
