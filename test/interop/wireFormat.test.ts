/**
 * What our plugin puts on the wire matches the official plugin for the same call: method, path,
 * the protocol headers (names and values), and the JSON bodies byte for byte where they are
 * deterministic (challenge_validate, search) or key for key where they carry random crypto (push).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { makeSdk, type Flavour } from './support/ourSdk'
import { startSession } from './support/sessions'
import { startRecordingProxy, type RecordedRequest } from './support/startRecordingProxy'

let emulator: RunningEmulator
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
beforeAll(async () => {
  emulator = await startEmulator()
  proxy = await startRecordingProxy(emulator.url)
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  proxy.recorded.length = 0
})

const authFactor = { type: 'EM' as const, value: 'alice@example.com' }
const PROTOCOL_HEADERS = ['x-seald-appid', 'x-seald-version', 'x-seald-session', 'content-type']

/** Saves with a challenge, then retrieves on a new device, through the proxy; returns what went on the wire. */
async function recordFlow(flavour: Flavour, userId: string): Promise<RecordedRequest[]> {
  const viaProxy = { url: proxy.url, appId: emulator.appId }
  const start = proxy.recorded.length
  const owner = await makeSdk(flavour, viaProxy, { userId })
  // fake_otp: both plugins get the challenge `aaaaaaaa`, so the validate bodies can be compared byte for byte.
  const s1 = await startSession(emulator, userId, authFactor, { forceAuth: true, fakeOtp: true })
  await owner.ssks2MR.saveIdentity({
    userId,
    sessionId: s1.sessionId,
    authFactor,
    challenge: s1.challenge,
    twoManRuleKey: 'key',
  })
  const device = await makeSdk(flavour, viaProxy)
  const s2 = await startSession(emulator, userId, authFactor, { fakeOtp: true })
  await device.ssks2MR.retrieveIdentity({
    userId,
    sessionId: s2.sessionId,
    authFactor,
    challenge: s2.challenge,
    twoManRuleKey: 'key',
  })
  return proxy.recorded.slice(start)
}

const keyOrder = (value: unknown): unknown =>
  value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => [k, keyOrder(v)]) : typeof value

describe('wire format, ours vs official', () => {
  it('same calls, headers and bodies', async () => {
    const official = await recordFlow('official', 'alice')
    emulator.reset()
    const ours = await recordFlow('ours', 'alice')

    expect(official.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /tmr/front/challenge_validate/',
      'POST /tmr/front/push/',
      'POST /tmr/front/challenge_validate/',
      'POST /tmr/front/search/',
    ])
    expect(ours.map((r) => `${r.method} ${r.path}`)).toEqual(official.map((r) => `${r.method} ${r.path}`))

    for (const [index, theirs] of official.entries()) {
      const mine = ours[index]!
      const protocolNames = (r: RecordedRequest) =>
        r.headerNames
          .map((n) => n.toLowerCase())
          .filter((n) => n.startsWith('x-seald-') || n === 'content-type')
          .sort()
      expect(protocolNames(mine)).toEqual(protocolNames(theirs))
      expect(protocolNames(mine)).toEqual([...PROTOCOL_HEADERS].sort())
      for (const name of ['x-seald-appid', 'x-seald-version', 'content-type'])
        expect(mine.headers[name], name).toBe(theirs.headers[name])
      expect(mine.headers['x-seald-session']).toMatch(/\S/)
      expect(mine.headers).not.toHaveProperty('x-seald-apikey')
      expect(mine.headers).not.toHaveProperty('cookie')

      if (theirs.path.endsWith('/push/')) {
        expect(keyOrder(JSON.parse(mine.body))).toEqual(keyOrder(JSON.parse(theirs.body)))
        expect(Object.keys(JSON.parse(mine.body))).toEqual(['data_b64', 'auth_factor'])
        // Same plaintext length → same ciphertext length (salt32 | iv16 | padded ct | hmac32).
        expect(JSON.parse(mine.body).data_b64.length).toBe(JSON.parse(theirs.body).data_b64.length)
        expect(JSON.parse(mine.body).auth_factor).toEqual(JSON.parse(theirs.body).auth_factor)
      } else {
        expect(mine.body).toBe(theirs.body) // challenge_validate: identical bytes; search: empty
      }
    }
    expect(official[0]!.body).toBe('{"challenge":"aaaaaaaa","auth_factor":{"type":"EM","value":"alice@example.com"}}')
  })
})
