import type { CryptoContext } from '../../../src/core/crypto/cryptoContext'
import { nobleScrypt } from '../../../src/core/crypto/nobleScrypt'
import { randomBytes } from '../../../src/core/crypto/randomBytes'
import type { SymCipher } from '../../../src/core/crypto/symCipher'
import { webCryptoCipher } from '../../../src/core/crypto/symKey'
import type { ScryptFunction } from '../../../src/core/types'

/** The identity crypto of a plugin installed for `appId`, on the browsers' primitives unless told otherwise. */
export function testCrypto(
  appId: string,
  scrypt: ScryptFunction = nobleScrypt,
  cipher: SymCipher = webCryptoCipher,
): CryptoContext {
  return { appId, scrypt, cipher, randomBytes }
}
