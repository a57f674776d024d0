/**
 * The fake identity the Seald-cloud stand-in exports and imports. Real identities are BSON
 * documents holding private keys; this one is a recognisable header, JSON, and random bytes
 * standing in for key material (re-drawn by `renewKey`), so a test can tell two versions apart.
 */
import { encodeBase64 } from '../core/crypto/base64'

export interface StandInIdentity {
  userId: string
  sealdId: string
  deviceId: string
  /** 1 after creation; `renewKey` adds one. */
  keyVersion: number
  /** Base64 of 32 random bytes; new on every renewal (the "private keys"). */
  keyMaterial: string
  /** In a prepared renewal (SDK 0.34 `prepareRenew`): the new keys, used on import once the renewal is committed. */
  prepared?: { keyVersion: number; keyMaterial: string }
}

/** First bytes of every stand-in identity, so garbage is refused the way a real import refuses it. */
export const STAND_IN_IDENTITY_HEADER = 'ssks-2mr-kit:stand-in-identity:v1\n'

export function encodeStandInIdentity(identity: StandInIdentity): Uint8Array {
  const { userId, sealdId, deviceId, keyVersion, keyMaterial, prepared } = identity
  const fields = { userId, sealdId, deviceId, keyVersion, keyMaterial, ...(prepared ? { prepared } : {}) }
  return new TextEncoder().encode(STAND_IN_IDENTITY_HEADER + JSON.stringify(fields))
}

/** Parses stand-in identity bytes; returns undefined for anything else (wrong key, corrupted, a real identity). */
export function decodeStandInIdentity(bytes: Uint8Array): StandInIdentity | undefined {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  if (!text.startsWith(STAND_IN_IDENTITY_HEADER)) return undefined
  try {
    const parsed = JSON.parse(text.slice(STAND_IN_IDENTITY_HEADER.length)) as Partial<StandInIdentity>
    const { userId, sealdId, deviceId, keyVersion, keyMaterial, prepared } = parsed
    if (typeof sealdId !== 'string' || typeof deviceId !== 'string' || typeof userId !== 'string') return undefined
    if (typeof keyVersion !== 'number' || typeof keyMaterial !== 'string') return undefined
    if (
      prepared !== undefined &&
      (typeof prepared?.keyVersion !== 'number' || typeof prepared.keyMaterial !== 'string')
    )
      return undefined
    return { userId, sealdId, deviceId, keyVersion, keyMaterial, ...(prepared ? { prepared } : {}) }
  } catch {
    return undefined
  }
}

/** 32 random bytes, base64: the stand-in's "private keys". */
export function randomKeyMaterial(): string {
  return encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}
