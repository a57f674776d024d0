/**
 * "Stored" means SSKS said so: status 200 and a JSON body of the expected shape. An HTML page, a
 * redirect (fetch would turn a 302 into a body-less GET, or re-post `data_b64` and the session id
 * to another origin on a 307) or a 2xx of another shape is a typed error, never a success.
 */
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { encryptIdentity } from '../../src/core/crypto/identityBlob'
import { testCrypto } from '../core/support/cryptoContext'
import type { SSKS2MRError } from '../../src/core/index'
import {
  APP_ID,
  AUTH_FACTOR,
  CHALLENGE,
  NEW_SESSION,
  RAW_KEY,
  SESSION,
  sdkWithPlugin,
  standInIdentityBytes,
} from '../core/support/plugins'
import { startRawServer, type RawRequest, type RawServer } from './support/rawServer'

const servers: RawServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const saveArgs = {
  userId: 'user-1',
  sessionId: SESSION,
  authFactor: AUTH_FACTOR,
  challenge: CHALLENGE,
  rawTwoManRuleKey: RAW_KEY,
  identity: new Uint8Array([7, 7, 7]),
}
const retrieveArgs = {
  userId: 'user-1',
  sessionId: SESSION,
  authFactor: AUTH_FACTOR,
  challenge: CHALLENGE,
  rawTwoManRuleKey: RAW_KEY,
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))

/** SSKS that validates codes and answers `endpoint` with `answer`; every other call succeeds. */
async function ssks(
  endpoint: string,
  answer: (res: ServerResponse, req: RawRequest) => void,
  dataB64 = '',
  authenticated = true,
) {
  const server = await startRawServer((req, res) => {
    if (req.path.endsWith(endpoint)) return answer(res, req)
    if (req.path.endsWith('challenge_validate/')) return sendJson(res, 200, { new_id: NEW_SESSION })
    if (req.path.endsWith('search/')) return sendJson(res, 200, { data_b64: dataB64, authenticated })
    return sendJson(res, 200, { id: 'tmr-1' })
  })
  servers.push(server)
  return server
}

async function otherOrigin() {
  const server = await startRawServer((_req, res) =>
    sendJson(res, 200, { id: 'stolen', new_id: 'stolen', data_b64: 'x', authenticated: true }),
  )
  servers.push(server)
  return server
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.fail(`expected a failure, got ${JSON.stringify(value)}`),
    (error: SSKS2MRError) => error,
  )

const blob = (identity = standInIdentityBytes()) =>
  encryptIdentity(testCrypto(APP_ID), { userId: 'user-1', rawTwoManRuleKey: RAW_KEY }, identity)

describe('saveIdentity resolves only on a 200 JSON answer with an id', () => {
  it.each([
    [
      'an HTML 200 page',
      (res: ServerResponse) =>
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Welcome</body></html>'),
    ],
    ['a 200 JSON answer without id', (res: ServerResponse) => sendJson(res, 200, {})],
    ['a 200 JSON answer with a numeric id', (res: ServerResponse) => sendJson(res, 200, { id: 42 })],
    ['a 201 with an id', (res: ServerResponse) => sendJson(res, 201, { id: 'tmr-1' })],
    ['a 204 with no body', (res: ServerResponse) => res.writeHead(204).end()],
    ['a 200 JSON array', (res: ServerResponse) => sendJson(res, 200, [{ id: 'tmr-1' }])],
  ])('%s is a SERVER error', async (_name, answer) => {
    const server = await ssks('push/', answer)
    const error = await failure(sdkWithPlugin(server.url).api.saveIdentity(saveArgs))
    expect(error.code).toBe('SERVER')
  })

  it.each([
    [302, 'a 302 (fetch would follow it as a GET without the body)'],
    [307, 'a 307 (fetch would re-post data_b64 and X-SEALD-SESSION there)'],
    [308, 'a 308'],
  ])('%i to another origin fails and nothing reaches that origin: %s', async (status) => {
    const other = await otherOrigin()
    const server = await ssks('push/', (res) =>
      res.writeHead(status, { Location: `${other.url}tmr/front/push/` }).end(),
    )
    const error = await failure(sdkWithPlugin(server.url).api.saveIdentity(saveArgs))
    expect(['SERVER', 'NETWORK']).toContain(error.code)
    expect(other.requests).toHaveLength(0)
  })

  it('a redirect on challenge_validate does not carry the code to another origin', async () => {
    const other = await otherOrigin()
    const server = await ssks('challenge_validate/', (res) =>
      res.writeHead(307, { Location: `${other.url}steal` }).end(),
    )
    await failure(sdkWithPlugin(server.url).api.saveIdentity(saveArgs))
    expect(other.requests).toHaveLength(0)
  })

  it('every SSKS call is sent with redirect: "error"', async () => {
    const dataB64 = await blob()
    const server = await ssks('none', () => {}, dataB64)
    const inits: RequestInit[] = []
    const spy: typeof fetch = (input, init) => (inits.push(init!), fetch(input, init))
    const { api } = sdkWithPlugin(server.url, { fetch: spy })
    await api.saveIdentity(saveArgs)
    await api.retrieveIdentity(retrieveArgs)
    await api.getFactorToken({ sessionId: NEW_SESSION, authFactor: AUTH_FACTOR }).catch(() => undefined)
    expect(inits.length).toBeGreaterThanOrEqual(5)
    expect(inits.map((init) => init.redirect)).toEqual(inits.map(() => 'error'))
  })
})

describe('retrieveIdentity reads only a 200 JSON answer of the search shape', () => {
  // A real blob where the shape is otherwise right, so only the shape check can refuse it.
  it.each([
    [
      'an HTML 200 page',
      (res: ServerResponse) =>
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>maintenance</p>'),
    ],
    ['authenticated missing', (res: ServerResponse, dataB64: string) => sendJson(res, 200, { data_b64: dataB64 })],
    [
      'authenticated as a string',
      (res: ServerResponse, dataB64: string) => sendJson(res, 200, { data_b64: dataB64, authenticated: 'true' }),
    ],
    ['data_b64 as a number', (res: ServerResponse) => sendJson(res, 200, { data_b64: 12, authenticated: true })],
    [
      'a 203 of the right shape',
      (res: ServerResponse, dataB64: string) => sendJson(res, 203, { data_b64: dataB64, authenticated: true }),
    ],
  ])('search: %s is a SERVER error, nothing imported', async (_name, answer) => {
    const dataB64 = await blob()
    const server = await ssks('search/', (res) => answer(res, dataB64))
    const { api, sdk } = sdkWithPlugin(server.url)
    const error = await failure(api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('SERVER')
    expect(sdk.cloudStandIn.calls).toEqual([])
  })

  it.each([
    ['a new_id that is a number', { new_id: 7 }],
    ['a new_id with a control character', { new_id: 'abc\u0000def' }],
    ['a new_id with non-ASCII letters', { new_id: 'séssion' }],
    ['a new_id with a line break', { new_id: 'abc\r\nX-Injected: 1' }],
  ])('challenge_validate: %s is a SERVER error', async (_name, body) => {
    const server = await ssks('challenge_validate/', (res) => sendJson(res, 200, body))
    const error = await failure(sdkWithPlugin(server.url).api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('SERVER')
    expect(server.requests).toHaveLength(1)
  })
})

describe('a renewal push counts as done only on a 200 JSON answer with an id', () => {
  async function renewWith(pushAnswers: Array<(res: ServerResponse) => void>) {
    const dataB64 = await blob()
    let pushes = 0
    const server = await ssks(
      'push/',
      (res) => pushAnswers[Math.min(pushes++, pushAnswers.length - 1)]!(res),
      dataB64,
      false,
    )
    const result = await sdkWithPlugin(server.url, { renewalPushRetries: 2, retryDelayMs: 1 }).api.retrieveIdentity(
      retrieveArgs,
    )
    return { result, pushes: server.requests.filter((r) => r.path.endsWith('push/')).length }
  }
  const html = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>ok</html>')
  const unavailable = (res: ServerResponse) => sendJson(res, 503, { detail: 'Unavailable' })
  const stored = (res: ServerResponse) => sendJson(res, 200, { id: 'tmr-1' })

  it('an HTML 200 to the renewal push → mustSaveIdentityAgain', async () => {
    const { result } = await renewWith([html])
    expect(result).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: true })
  })

  it('a retried renewal push ending on an HTML 200 → mustSaveIdentityAgain', async () => {
    const { result, pushes } = await renewWith([unavailable, html])
    expect(pushes).toBe(2)
    expect(result).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: true })
  })

  it('a retried renewal push ending on a 200 with an id → done', async () => {
    const { result, pushes } = await renewWith([unavailable, stored])
    expect(pushes).toBe(2)
    expect(result).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: false })
  })
})
