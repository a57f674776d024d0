import { CHALLENGE_ALPHABET, CHALLENGE_LENGTH } from '../core/protocol/constants'

/** A fresh challenge from the SSKS alphabet, drawn with crypto randomness and without modulo bias. */
export function generateChallenge(): string {
  const alphabetSize = CHALLENGE_ALPHABET.length
  // Largest multiple of the alphabet size below 256: bytes at or above it are redrawn.
  const limit = 256 - (256 % alphabetSize)
  let challenge = ''
  while (challenge.length < CHALLENGE_LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(CHALLENGE_LENGTH * 2))
    for (const byte of bytes) {
      if (byte < limit && challenge.length < CHALLENGE_LENGTH) challenge += CHALLENGE_ALPHABET[byte % alphabetSize]
    }
  }
  return challenge
}
