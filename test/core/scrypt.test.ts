import { describe, expect, it } from 'vitest'
import { nobleScrypt } from '../../src/core/crypto/nobleScrypt'
import { resolveScrypt } from '../../src/core/crypto/resolveScrypt'
import { sdkBytesConverter } from '../../src/core/sdkHost'
import { hex, loadVectors } from './support/vectors'
import { realSDK } from './support/realSDK'

const rfc = loadVectors().scrypt_rfc7914_check
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('scrypt (RFC 7914 §12: pleaseletmein / SodiumChloride, N=16384 r=8 p=1 dkLen=64)', () => {
  it('matches the RFC through the noble path', async () => {
    expect(hex(await nobleScrypt(utf8(rfc.password), utf8(rfc.salt)))).toBe(rfc.output_hex)
  })

  it("matches the RFC through the real SDK's utils.scrypt, handed Buffers", async () => {
    const sdk = realSDK()
    const seen: unknown[] = []
    const sdkScrypt = async (password: Uint8Array, salt: Uint8Array) => {
      seen.push(password, salt)
      return sdk.utils.scrypt(password as Buffer, salt as Buffer)
    }
    const scrypt = resolveScrypt(undefined, sdkScrypt, sdkBytesConverter(sdk as never), 'node')
    const out = await scrypt(utf8(rfc.password), utf8(rfc.salt))
    expect(hex(out)).toBe(rfc.output_hex)
    expect(out).toBeInstanceOf(Uint8Array)
    expect(seen.every((arg) => Buffer.isBuffer(arg))).toBe(true)
  })

  it("prefers options.scrypt, then the SDK's in Node and React Native, then noble", async () => {
    const custom = async () => new Uint8Array(64).fill(1)
    const sdkScrypt = async () => new Uint8Array(64).fill(2)
    const identity = (b: Uint8Array) => b
    for (const platform of ['node', 'react-native', 'browser'] as const) {
      expect((await resolveScrypt(custom, sdkScrypt, identity, platform)(utf8('a'), utf8('b')))[0]).toBe(1)
      expect(resolveScrypt(undefined, undefined, identity, platform)).toBe(nobleScrypt)
    }
    expect((await resolveScrypt(undefined, sdkScrypt, identity, 'node')(utf8('a'), utf8('b')))[0]).toBe(2)
    expect((await resolveScrypt(undefined, sdkScrypt, identity, 'react-native')(utf8('a'), utf8('b')))[0]).toBe(2)
  })

  it("uses noble, not the SDK's scrypt-js, in browsers (measured twice as fast in Chromium by npm run bench)", () => {
    const sdkScrypt = async () => new Uint8Array(64).fill(2)
    expect(resolveScrypt(undefined, sdkScrypt, (b) => b, 'browser')).toBe(nobleScrypt)
  })

  it('noble path yields to the event loop while deriving (the main thread is not held for the whole run)', async () => {
    let ticks = 0
    let running = true
    const tick = () => {
      if (!running) return
      ticks++
      setTimeout(tick, 0)
    }
    setTimeout(tick, 0)
    await nobleScrypt(utf8('password'), utf8('salt'))
    running = false
    // ~40 ms+ of work cut into ≤ 10 ms slices: several timers must have run in between.
    expect(ticks).toBeGreaterThanOrEqual(3)
  })
})
