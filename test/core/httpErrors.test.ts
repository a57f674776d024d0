import { afterEach, describe, expect, it } from 'vitest'
import { encryptIdentity } from '../../src/core/crypto/identityBlob'
import { nobleScrypt } from '../../src/core/crypto/nobleScrypt'
import { testCrypto } from './support/cryptoContext'
import { SSKS2MRError, type SSKS2MRErrorCode } from '../../src/core/index'
import { startCaptureServer, type CaptureServer, type Reply } from '../support/startCaptureServer'
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

const retrieveArgs = {
  userId: 'user-1',
  sessionId: SESSION,
  authFactor: AUTH_FACTOR,
  challenge: CHALLENGE,
  rawTwoManRuleKey: RAW_KEY,
}
const saveArgs = { ...retrieveArgs, identity: new Uint8Array([7]) }

async function failure(promise: Promise<unknown>): Promise<SSKS2MRError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SSKS2MRError)
  return error as SSKS2MRError
}

/** Answers `reply` on `path`, and success on the steps before it. */
function scripted(path: string, reply: Reply, dataB64 = 'unused'): (r: { path: string }) => Reply {
  return (r) => {
    if (r.path.endsWith(path)) return reply
    if (r.path.endsWith('challenge_validate/')) return { status: 200, json: { new_id: NEW_SESSION } }
    if (r.path.endsWith('search/')) return { status: 200, json: { data_b64: dataB64, authenticated: true } }
    return { status: 200, json: { id: 'tmr' } }
  }
}

describe('every non-2xx is a typed error with a stable code', () => {
  const cases: Array<[string, 'save' | 'retrieve', string, Reply, SSKS2MRErrorCode, string]> = [
    [
      'wrong challenge',
      'retrieve',
      'challenge_validate/',
      { status: 403, json: { detail: 'Incorrect authentication credentials.' } },
      'INVALID_CHALLENGE',
      'Invalid challenge',
    ],
    [
      '403 with another detail',
      'retrieve',
      'challenge_validate/',
      { status: 403, json: { detail: 'Forbidden.' } },
      'UNAUTHORIZED',
      'SSKS challengeValidate failed: 403 Forbidden.',
    ],
    [
      '403 with a non-JSON body',
      'save',
      'challenge_validate/',
      { status: 403, text: '<html>denied</html>' },
      'UNAUTHORIZED',
      'SSKS challengeValidate failed: 403',
    ],
    [
      'unknown session on validate',
      'retrieve',
      'challenge_validate/',
      { status: 404, json: { detail: 'Not found.' } },
      'SESSION_NOT_FOUND',
      'SSKS challengeValidate failed: 404 Not found.',
    ],
    [
      'too many wrong codes',
      'retrieve',
      'challenge_validate/',
      { status: 429, json: { detail: 'Too many attempts.' } },
      'RATE_LIMITED',
      'SSKS challengeValidate failed: 429 Too many attempts.',
    ],
    [
      'empty challenge refused',
      'save',
      'challenge_validate/',
      { status: 400, json: { detail: 'Bad request.' } },
      'SERVER',
      'SSKS challengeValidate failed: 400 Bad request.',
    ],
    [
      'nothing stored',
      'retrieve',
      'search/',
      { status: 404, json: { detail: 'Not found.', model: 'TMRKey' } },
      'IDENTITY_NOT_FOUND',
      'Could not find this identity',
    ],
    [
      'nothing stored (Go-style body)',
      'retrieve',
      'search/',
      { status: 404, json: { model: 'TMRKey' } },
      'IDENTITY_NOT_FOUND',
      'Could not find this identity',
    ],
    [
      'unknown session on search',
      'retrieve',
      'search/',
      { status: 404, json: { detail: 'Not found.' } },
      'SESSION_NOT_FOUND',
      'Retrieving identity failed: 404 Not found.',
    ],
    [
      'search 500',
      'retrieve',
      'search/',
      { status: 500, text: 'Internal Server Error' },
      'SERVER',
      'Retrieving identity failed: 500',
    ],
    [
      'push 503',
      'save',
      'push/',
      { status: 503, json: { detail: 'Service unavailable.' } },
      'SERVER',
      'SSKS push failed: 503 Service unavailable.',
    ],
    [
      'push on an unknown session',
      'save',
      'push/',
      { status: 404, json: { detail: 'Not found.' } },
      'SESSION_NOT_FOUND',
      'SSKS push failed: 404 Not found.',
    ],
    [
      'push refused',
      'save',
      'push/',
      { status: 401, json: { detail: 'Session not validated.' } },
      'UNAUTHORIZED',
      'SSKS push failed: 401 Session not validated.',
    ],
    [
      'SMS quota',
      'save',
      'challenge_validate/',
      { status: 406, json: { detail: 'SMSQuotaFailed' } },
      'SMS_QUOTA',
      'SSKS challengeValidate failed: 406 SMSQuotaFailed',
    ],
    [
      'validate 200 without new_id',
      'save',
      'challenge_validate/',
      { status: 200, json: { id: 'x' } },
      'SERVER',
      'SSKS challengeValidate failed: answer has no valid "new_id"',
    ],
    [
      'validate 200 with a non-JSON body',
      'retrieve',
      'challenge_validate/',
      { status: 200, text: 'ok' },
      'SERVER',
      'SSKS challengeValidate failed: answer has no valid "new_id"',
    ],
    [
      'search 200 without data_b64',
      'retrieve',
      'search/',
      { status: 200, json: { authenticated: true } },
      'SERVER',
      'Retrieving identity failed: answer has no valid "data_b64"',
    ],
  ]
  it.each(cases)('%s', async (_name, operation, path, reply, code, message) => {
    server = await startCaptureServer(scripted(path, reply))
    const { api } = sdkWithPlugin(server.url)
    const error = await failure(operation === 'save' ? api.saveIdentity(saveArgs) : api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe(code)
    expect(error.message).toBe(message)
  })

  it('keeps the HTTP status on the error', async () => {
    server = await startCaptureServer(scripted('push/', { status: 502, json: {} }))
    const error = await failure(sdkWithPlugin(server.url).api.saveIdentity(saveArgs))
    expect(error.status).toBe(502)
  })

  it('never quotes a server detail that echoes what we sent (challenge, auth factor, session)', async () => {
    for (const detail of [`Wrong code ${CHALLENGE}`, CHALLENGE, `no user ${AUTH_FACTOR.value}`, `session ${SESSION}`]) {
      server = await startCaptureServer(scripted('challenge_validate/', { status: 400, json: { detail } }))
      const error = await failure(sdkWithPlugin(server.url).api.retrieveIdentity(retrieveArgs))
      expect(error.message).toBe('SSKS challengeValidate failed: 400')
      await server.close()
      server = undefined
    }
  })

  it('a wrong key is WRONG_KEY with the official messages (raw and password mode)', async () => {
    const otherRaw = Buffer.alloc(64, 1).toString('base64')
    const rawBlob = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: otherRaw },
      standInIdentityBytes(),
    )
    server = await startCaptureServer(scripted('none', { status: 500 }, rawBlob))
    const raw = await failure(sdkWithPlugin(server.url).api.retrieveIdentity(retrieveArgs))
    expect([raw.code, raw.message]).toEqual(['WRONG_KEY', 'Invalid rawTwoManRuleKey'])
    await server.close()

    const passwordBlob = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', twoManRuleKey: 'right' },
      standInIdentityBytes(),
    )
    server = await startCaptureServer(scripted('none', { status: 500 }, passwordBlob))
    const { api, sdk } = sdkWithPlugin(server.url)
    const wrongUser = await failure(
      api.retrieveIdentity({ ...retrieveArgs, rawTwoManRuleKey: undefined, twoManRuleKey: 'right', userId: 'user-2' }),
    )
    expect([wrongUser.code, wrongUser.message]).toEqual(['WRONG_KEY', 'Invalid appId, userId, or twoManRuleKey'])
    // Nothing was imported.
    expect(sdk.cloudStandIn.calls).toEqual([])
  })

  it('a stored blob too short to be one is a SERVER error, not a crash', async () => {
    server = await startCaptureServer(scripted('none', { status: 500 }, 'AAAA'))
    const error = await failure(sdkWithPlugin(server.url).api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('SERVER')
  })
})

describe('transport failures', () => {
  it('no answer within timeoutMs → TIMEOUT', async () => {
    server = await startCaptureServer(() => 'hang')
    const { api } = sdkWithPlugin(server.url, { timeoutMs: 150 })
    const error = await failure(api.saveIdentity(saveArgs))
    expect([error.code, error.message]).toEqual(['TIMEOUT', 'SSKS challengeValidate failed: no answer within 150 ms'])
    expect(server.requests).toHaveLength(1) // challenge_validate is never retried
  })

  it("the caller's AbortSignal → ABORTED, mid-request", async () => {
    server = await startCaptureServer(() => 'hang')
    const { api } = sdkWithPlugin(server.url)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await failure(api.retrieveIdentity({ ...retrieveArgs, signal: controller.signal }))
    expect(error.code).toBe('ABORTED')
  })

  it('an already-aborted signal → ABORTED before any request', async () => {
    server = await startCaptureServer(() => ({ status: 200, json: {} }))
    const { api } = sdkWithPlugin(server.url)
    for (const call of [
      () => api.saveIdentity({ ...saveArgs, signal: AbortSignal.abort() }),
      () => api.retrieveIdentity({ ...retrieveArgs, signal: AbortSignal.abort() }),
      () => api.getFactorToken({ sessionId: SESSION, authFactor: AUTH_FACTOR, signal: AbortSignal.abort() }),
    ]) {
      expect((await failure(call())).code).toBe('ABORTED')
    }
    expect(server.requests).toHaveLength(0)
  })

  it('the server drops the connection → NETWORK', async () => {
    server = await startCaptureServer(() => 'drop')
    const error = await failure(sdkWithPlugin(server.url).api.saveIdentity(saveArgs))
    expect([error.code, error.message]).toEqual(['NETWORK', 'SSKS challengeValidate failed: network error'])
  })

  it('nothing listening → NETWORK', async () => {
    server = await startCaptureServer(() => 'drop')
    const url = server.url
    await server.close()
    server = undefined
    const error = await failure(sdkWithPlugin(url).api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('NETWORK')
  })
})

describe('retries only where repeating cannot change the outcome', () => {
  const blob = () =>
    encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )

  it('search is retried on 5xx and dropped connections, then succeeds', async () => {
    const dataB64 = await blob()
    let searches = 0
    server = await startCaptureServer((r) => {
      if (!r.path.endsWith('search/')) return { status: 200, json: { new_id: NEW_SESSION } }
      searches++
      if (searches === 1) return { status: 503, json: {} }
      if (searches === 2) return 'drop'
      return { status: 200, json: { data_b64: dataB64, authenticated: true } }
    })
    const result = await sdkWithPlugin(server.url, { retries: 2 }).api.retrieveIdentity(retrieveArgs)
    expect(result.sealdId).toBe('seald-id-1')
    expect(server.requests.map((r) => r.path)).toEqual([
      '/tmr/front/challenge_validate/',
      '/tmr/front/search/',
      '/tmr/front/search/',
      '/tmr/front/search/',
    ])
  })

  it('search is retried after a timeout (each attempt has its own deadline), then succeeds', async () => {
    const dataB64 = await blob()
    let searches = 0
    server = await startCaptureServer((r) => {
      if (!r.path.endsWith('search/')) return { status: 200, json: { new_id: NEW_SESSION } }
      searches++
      return searches === 1 ? 'hang' : { status: 200, json: { data_b64: dataB64, authenticated: true } }
    })
    const result = await sdkWithPlugin(server.url, {
      retries: 1,
      timeoutMs: 150,
      retryDelayMs: 5,
    }).api.retrieveIdentity(retrieveArgs)
    expect(result.sealdId).toBe('seald-id-1')
    expect(server.requests.filter((r) => r.path.endsWith('search/'))).toHaveLength(2)
  })

  it('search timing out on every attempt → TIMEOUT after `retries` extra attempts', async () => {
    server = await startCaptureServer(scripted('search/', 'hang'))
    const error = await failure(
      sdkWithPlugin(server.url, { retries: 1, timeoutMs: 100, retryDelayMs: 5 }).api.retrieveIdentity(retrieveArgs),
    )
    expect([error.code, error.message]).toEqual(['TIMEOUT', 'Retrieving identity failed: no answer within 100 ms'])
    expect(server.requests.filter((r) => r.path.endsWith('search/'))).toHaveLength(2)
  })

  it('a custom fetch that ignores its signal still times out', async () => {
    const neverAnswers = () => new Promise<Response>(() => {})
    const error = await failure(
      sdkWithPlugin('http://127.0.0.1:9/', { timeoutMs: 100, fetch: neverAnswers }).api.saveIdentity(saveArgs),
    )
    expect(error.code).toBe('TIMEOUT')
  })

  it('search gives up after `retries` extra attempts', async () => {
    server = await startCaptureServer(scripted('search/', { status: 502, json: {} }))
    const error = await failure(sdkWithPlugin(server.url, { retries: 1 }).api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('SERVER')
    expect(server.requests.filter((r) => r.path.endsWith('search/'))).toHaveLength(2)
  })

  it('search is not retried on a 404 (the answer would not change)', async () => {
    server = await startCaptureServer(scripted('search/', { status: 404, json: { model: 'TMRKey' } }))
    await failure(sdkWithPlugin(server.url, { retries: 3 }).api.retrieveIdentity(retrieveArgs))
    expect(server.requests.filter((r) => r.path.endsWith('search/'))).toHaveLength(1)
  })

  it.each([
    ['challenge_validate/', 'each attempt spends one of the wrong-code allowance'],
    ['push/', 'a save is a write'],
    ['get_factor_token/', 'not a documented idempotent call'],
  ])('%s is never retried (%s)', async (path) => {
    server = await startCaptureServer(scripted(path, { status: 503, json: {} }))
    const { api } = sdkWithPlugin(server.url, { retries: 3 })
    await failure(
      path === 'get_factor_token/'
        ? api.getFactorToken({ sessionId: SESSION, authFactor: AUTH_FACTOR })
        : api.saveIdentity(saveArgs),
    )
    expect(server.requests.filter((r) => r.path.endsWith(path))).toHaveLength(1)
  })
})
