import type { ScryptFunction } from '../types'
import type { SymCipher } from './symCipher'

/** What the identity crypto needs from an installed plugin: the app, its key derivation, its cipher, its randomness. */
export interface CryptoContext {
  /** Part of the password-mode scrypt salt. */
  appId: string
  scrypt: ScryptFunction
  cipher: SymCipher
  randomBytes: (length: number) => Uint8Array
}
