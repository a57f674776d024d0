import OfficialSSKS2MR from '@seald-io/sdk-plugin-ssks-2mr'
import { afterEach, describe, expect, it } from 'vitest'
import { decryptIdentity, encryptIdentity } from '../../src/core/crypto/identityBlob'
import { nobleScrypt } from '../../src/core/crypto/nobleScrypt'
import { testCrypto } from './support/cryptoContext'
import type { SSKS2MR as SSKS2MRApi } from '../../src/core/index'
import { realSDK } from './support/realSDK'
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../support/startCaptureServer'
import {
  APP_ID,
  AUTH_FACTOR,
  CHALLENGE,
  NEW_SESSION,
  RAW_KEY,
  SESSION,
  sdkWithPlugin,
  standInIdentityBytes,
} from './support/plugins'

let server: CaptureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const okReplies = (request: CapturedRequest) => {
  if (request.path.endsWith('challenge_validate/')) return { status: 200, json: { new_id: NEW_SESSION } }
  if (request.path.endsWith('push/')) return { status: 200, json: { id: 'tmr-key-id' } }
  if (request.path.endsWith('get_factor_token/')) return { status: 200, json: { factor_token: 'a.b.c' } }
  return { status: 500, json: { detail: 'unexpected' } }
}

const header = (request: CapturedRequest, name: string) => request.headers[name.toLowerCase()]

describe('wire bytes (captured on a local node:http server)', () => {
  it('saveIdentity with a challenge: challenge_validate then push on new_id, exact paths, headers and body key order', async () => {
    server = await startCaptureServer(okReplies)
    // A base path in keyStorageURL is dropped, as the official plugin's `new URL('/tmr/...', base)` does.
    const { sdk, api } = sdkWithPlugin(`${server.url}some/prefix/`)
    const identity = new Uint8Array([1, 2, 3, 4, 5])
    const result = await api.saveIdentity({
      userId: 'user-1',
      sessionId: SESSION,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
      identity,
    })

    expect(result).toEqual({ ssksId: 'tmr-key-id', id: 'tmr-key-id', authenticatedSessionId: NEW_SESSION })
    const [validate, push] = server.requests
    expect(server.requests).toHaveLength(2)
    expect([validate!.method, validate!.path, push!.method, push!.path]).toEqual([
      'POST',
      '/tmr/front/challenge_validate/',
      'POST',
      '/tmr/front/push/',
    ])
    for (const [request, session] of [
      [validate!, SESSION],
      [push!, NEW_SESSION],
    ] as const) {
      expect(header(request, 'X-SEALD-APPID')).toBe(APP_ID) // verbatim, upper case kept
      expect(header(request, 'X-SEALD-VERSION')).toBe(sdk.version)
      expect(header(request, 'Content-Type')).toBe('application/json')
      expect(header(request, 'X-SEALD-SESSION')).toBe(session)
      expect(header(request, 'X-SEALD-APIKEY')).toBeUndefined()
      expect(header(request, 'Cookie')).toBeUndefined()
    }
    expect(validate!.body).toBe(`{"challenge":"${CHALLENGE}","auth_factor":{"type":"EM","value":"alice@example.com"}}`)
    expect(push!.body).toMatch(
      /^\{"data_b64":"[A-Za-z0-9+/]+={0,2}","auth_factor":\{"type":"EM","value":"alice@example.com"\}\}$/,
    )
    const dataB64 = JSON.parse(push!.body).data_b64 as string
    // Raw mode: iv16 || ct16 || hmac32 for a 5-byte identity = 64 bytes = 88 base64 chars.
    expect(dataB64).toHaveLength(88)
    const decrypted = await decryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      dataB64,
    )
    expect(Array.from(decrypted)).toEqual([1, 2, 3, 4, 5])
  })

  it('saveIdentity without a challenge: a single push on the given session; password mode carries the 32-byte salt', async () => {
    server = await startCaptureServer(okReplies)
    const { api } = sdkWithPlugin(server.url)
    const result = await api.saveIdentity({
      userId: 'user-1',
      sessionId: SESSION,
      email: 'bob@example.com', // deprecated form → {type:'EM', value}
      twoManRuleKey: 'secret',
      identity: new Uint8Array(16),
    })
    expect(result).toEqual({ ssksId: 'tmr-key-id', id: 'tmr-key-id', authenticatedSessionId: SESSION })
    expect(server.requests.map((r) => r.path)).toEqual(['/tmr/front/push/'])
    const body = JSON.parse(server.requests[0]!.body)
    expect(Object.keys(body)).toEqual(['data_b64', 'auth_factor'])
    expect(body.auth_factor).toEqual({ type: 'EM', value: 'bob@example.com' })
    // 32 salt + 16 iv + 32 ct (16 bytes → a whole padding block) + 32 hmac = 112 bytes.
    expect(Buffer.from(body.data_b64, 'base64')).toHaveLength(112)
  })

  it('retrieveIdentity: validate, then search with no body but Content-Type, then import; 2 HTTP calls', async () => {
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    server = await startCaptureServer((request) =>
      request.path.endsWith('search/')
        ? { status: 200, json: { data_b64: dataB64, authenticated: true } }
        : okReplies(request),
    )
    const { sdk, api } = sdkWithPlugin(server.url)
    const result = await api.retrieveIdentity({
      userId: 'user-1',
      sessionId: SESSION,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
    })
    expect(result).toEqual({
      userId: 'user-1',
      sealdId: 'seald-id-1',
      deviceId: 'device-id-1',
      accountInfo: { userId: 'user-1', sealdId: 'seald-id-1', deviceId: 'device-id-1' },
      authenticatedSessionId: NEW_SESSION,
      keysRenewed: false,
      mustSaveIdentityAgain: false,
    })
    expect(server.requests.map((r) => r.path)).toEqual(['/tmr/front/challenge_validate/', '/tmr/front/search/'])
    const search = server.requests[1]!
    expect(search.body).toBe('')
    expect(header(search, 'Content-Type')).toBe('application/json')
    expect(header(search, 'X-SEALD-SESSION')).toBe(NEW_SESSION)
    expect(sdk.cloudStandIn.calls).toEqual(['importIdentity'])
  })

  it('retrieveIdentity on an authenticated session without a challenge: search only (1 HTTP call)', async () => {
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    server = await startCaptureServer(() => ({ status: 200, json: { data_b64: dataB64, authenticated: true } }))
    const { api } = sdkWithPlugin(server.url)
    const result = await api.retrieveIdentity({
      userId: 'user-1',
      sessionId: NEW_SESSION,
      authFactor: AUTH_FACTOR,
      rawTwoManRuleKey: RAW_KEY,
    })
    expect(result.authenticatedSessionId).toBe(NEW_SESSION)
    expect(server.requests.map((r) => [r.path, header(r, 'X-SEALD-SESSION')])).toEqual([
      ['/tmr/front/search/', NEW_SESSION],
    ])
  })

  it('getFactorToken sends the flat body and returns the token with the session used', async () => {
    server = await startCaptureServer(okReplies)
    const { api } = sdkWithPlugin(server.url)
    const withChallenge = await api.getFactorToken({
      sessionId: SESSION,
      authFactor: { type: 'SMS', value: '+33600000000' },
      challenge: CHALLENGE,
    })
    const without = await api.getFactorToken({
      sessionId: NEW_SESSION,
      authFactor: { type: 'SMS', value: '+33600000000' },
    })
    expect(withChallenge).toEqual({ token: 'a.b.c', authenticatedSessionId: NEW_SESSION })
    expect(without).toEqual({ token: 'a.b.c', authenticatedSessionId: NEW_SESSION })
    expect(server.requests.map((r) => r.path)).toEqual([
      '/tmr/front/challenge_validate/',
      '/tmr/front/get_factor_token/',
      '/tmr/front/get_factor_token/',
    ])
    expect(server.requests[1]!.body).toBe('{"auth_factor_type":"SMS","auth_factor_value":"+33600000000"}')
  })

  it('spreads keyStore.extraHeaders at call time', async () => {
    server = await startCaptureServer(okReplies)
    const { api } = sdkWithPlugin(server.url)
    api.keyStore.extraHeaders = { ...api.keyStore.extraHeaders, 'X-Trace': 't-1' }
    await api.keyStore.getFactorToken({ sessionId: NEW_SESSION, authFactor: AUTH_FACTOR })
    expect(header(server.requests[0]!, 'X-Trace')).toBe('t-1')
    expect(header(server.requests[0]!, 'X-SEALD-APPID')).toBe(APP_ID)
  })

  it('sends the same paths, SSKS headers and body shapes as the official plugin for the same save', async () => {
    server = await startCaptureServer(okReplies)
    const args = {
      userId: 'user-1',
      sessionId: SESSION,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
      identity: Buffer.from([9, 9, 9]),
    }
    const official = (realSDK([OfficialSSKS2MR(server.url)], APP_ID) as unknown as { ssks2MR: SSKS2MRApi }).ssks2MR
    await official.saveIdentity(args)
    const theirs = server.requests.splice(0)
    await sdkWithPlugin(server.url).api.saveIdentity(args)
    const ours = server.requests
    const shape = (r: CapturedRequest) => ({
      method: r.method,
      path: r.path,
      ssksHeaders: Object.fromEntries(
        r.rawHeaders.filter(([n]) => /^x-seald-|^content-type$/i.test(n)).map(([n, v]) => [n.toLowerCase(), v]),
      ),
      bodyKeys: r.body ? Object.keys(JSON.parse(r.body)) : [],
      bodyWithoutData: r.body ? { ...JSON.parse(r.body), data_b64: typeof JSON.parse(r.body).data_b64 } : null,
    })
    expect(ours.map(shape)).toEqual(theirs.map(shape))
    // Same ciphertext length (random IV differs).
    expect(JSON.parse(ours[1]!.body).data_b64.length).toBe(JSON.parse(theirs[1]!.body).data_b64.length)
  })
})
