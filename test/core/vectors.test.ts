import { scrypt as nodeScryptCb } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeBase64 } from '../../src/core/crypto/base64'
import { deriveKey } from '../../src/core/crypto/deriveKey'
import { decryptIdentity, encryptIdentity } from '../../src/core/crypto/identityBlob'
import { encodeText } from '../../src/core/crypto/encodeText'
import { nobleScrypt } from '../../src/core/crypto/nobleScrypt'
import { sscryptoCipher, type SSCryptoSymKeyClass } from '../../src/core/crypto/sscryptoCipher'
import { webCryptoCipher } from '../../src/core/crypto/symKey'
import { sdkBytesConverter } from '../../src/core/sdkHost'
import { saltSuffix } from '../../src/core/protocol/constants'
import type { ScryptFunction } from '../../src/core/types'
import { testCrypto } from './support/cryptoContext'
import { realSDK } from './support/realSDK'
import { fromHex, hex, loadVectors } from './support/vectors'

const vectors = loadVectors()
// node:crypto's scrypt is ~2x faster than noble's; scrypt.test.ts proves both give the RFC output.
const nodeScrypt: ScryptFunction = (password, salt) =>
  new Promise((resolve, reject) =>
    nodeScryptCb(password, salt, 64, { N: 16384, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    ),
  )

const keyOf = (v: (typeof vectors.vectors)[number]) =>
  v.rawTwoManRuleKey !== undefined
    ? { userId: v.userId, rawTwoManRuleKey: v.rawTwoManRuleKey }
    : { userId: v.userId, twoManRuleKey: v.twoManRuleKey! }

// Both ciphers the plugin picks from: WebCrypto (browsers) and the real SDK's sscrypto (Node, React Native).
const sdk = realSDK() as unknown as { sscrypto: { SymKey: SSCryptoSymKeyClass } }
// Without WebCrypto (the no-webcrypto project, as on React Native) only the second.
const ciphers = [
  ...(process.env.NO_WEB_PLATFORM ? [] : ([['WebCrypto', webCryptoCipher]] as const)),
  ["the SDK's sscrypto", sscryptoCipher(sdk.sscrypto.SymKey, sdkBytesConverter(sdk as never))],
] as const

describe('test vectors of the official plugin v0.25.0', () => {
  it('covers every case listed in ssks-protocol.md §11', () => {
    expect(vectors.vectors.map((v) => v.name)).toEqual([
      'ascii_basic',
      'nfkc_ligature_fi_in_key',
      'nfkc_decomposed_and_compat_chars',
      'fullwidth_userId',
      'astral_emoji_key',
      'uppercase_appId_used_verbatim',
      'pipe_in_userId',
      'empty_plaintext',
      'exact_block_plaintext',
      'large_plaintext_3000',
      'raw_basic',
      'raw_empty_plaintext',
      'raw_large_plaintext',
    ])
  })

  describe.each(
    ciphers.flatMap(([cipherName, cipher]) => vectors.vectors.map((v) => [v.name, cipherName, v, cipher] as const)),
  )('%s with %s', (_name, _cipher, v, cipher) => {
    const ctx = testCrypto(v.appId, nodeScrypt, cipher)
    it('decrypts the blob the official plugin pushed (random salt and IV)', async () => {
      const plain = await decryptIdentity(ctx, keyOf(v), v.captured.data_b64)
      expect(hex(plain)).toBe(v.plaintext_hex)
      expect(plain.length).toBe(v.plaintext_length)
      // The captured body is exactly what our code would send around that data_b64.
      expect(JSON.parse(v.captured.push_request_body).data_b64).toBe(v.captured.data_b64)
    })

    it('decrypts the deterministic blob', async () => {
      const plain = await decryptIdentity(ctx, keyOf(v), v.deterministic.data_b64)
      expect(hex(plain)).toBe(v.plaintext_hex)
    })

    it('reproduces the deterministic blob byte for byte from its salt and IV', async () => {
      const d = v.deterministic
      const dataB64 = await encryptIdentity(ctx, keyOf(v), fromHex(v.plaintext_hex), {
        iv: fromHex(d.iv_hex),
        ...(d.salt_hex ? { salt: fromHex(d.salt_hex) } : {}),
      })
      expect(dataB64).toBe(d.data_b64)
      const bytes = decodeBase64(dataB64)
      const saltLength = d.salt_hex ? 32 : 0
      expect(hex(bytes.subarray(0, saltLength))).toBe(d.parts.salt_hex ?? '')
      expect(hex(bytes.subarray(saltLength, saltLength + 16))).toBe(d.parts.iv_hex)
      expect(hex(bytes.subarray(saltLength + 16, bytes.length - 32))).toBe(d.parts.aes_cbc_ciphertext_hex)
      expect(hex(bytes.subarray(bytes.length - 32))).toBe(d.parts.hmac_sha256_hex)
    })

    if (v.deterministic.derivation) {
      it('derives the same password bytes, salt and 64-byte key', async () => {
        const d = v.deterministic.derivation!
        expect(hex(encodeText(v.twoManRuleKey!))).toBe(d.passwordBytes_hex)
        expect(hex(encodeText(saltSuffix(v.appId, v.userId)))).toBe(d.saltSuffixBytes_hex)
        const key = await deriveKey(nodeScrypt, {
          appId: v.appId,
          userId: v.userId,
          twoManRuleKey: v.twoManRuleKey!,
          salt: fromHex(v.deterministic.salt_hex!),
        })
        expect(hex(key)).toBe(d.derivedKey_hex)
        expect(hex(key.subarray(0, 32))).toBe(d.hmacKey_hex)
        expect(hex(key.subarray(32))).toBe(d.aesKey_hex)
      })
    } else {
      it('decodes the raw key to the HMAC key then the AES key', () => {
        const key = decodeBase64(v.rawTwoManRuleKey!)
        expect(hex(key.subarray(0, 32))).toBe(v.deterministic.rawKey!.hmacKey_hex)
        expect(hex(key.subarray(32))).toBe(v.deterministic.rawKey!.aesKey_hex)
      })
    }
  })

  it('derives the deterministic key of one password-mode case through the noble path too', async () => {
    const v = vectors.vectors.find((c) => c.name === 'nfkc_decomposed_and_compat_chars')!
    const key = await deriveKey(nobleScrypt, {
      appId: v.appId,
      userId: v.userId,
      twoManRuleKey: v.twoManRuleKey!,
      salt: fromHex(v.deterministic.salt_hex!),
    })
    expect(hex(key)).toBe(v.deterministic.derivation!.derivedKey_hex)
  })
})

describe('encodePassword (NFKC, UTF-8)', () => {
  it.each(vectors.encodePassword.map((c) => [c.input_codepoints, c] as const))('%s', (_cp, c) => {
    expect(hex(encodeText(c.input))).toBe(c.encodePassword_hex)
  })
})

describe('derivation equivalences', () => {
  it.each(vectors.derivation_equivalences.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const salt = fromHex(c.salt_hex)
    const [a, b] = await Promise.all([deriveKey(nodeScrypt, { ...c.a, salt }), deriveKey(nodeScrypt, { ...c.b, salt })])
    expect(hex(a)).toBe(c.derivedKey_a_hex)
    expect(hex(b)).toBe(c.derivedKey_b_hex)
    expect(hex(a) === hex(b)).toBe(c.equal)
  })
})
