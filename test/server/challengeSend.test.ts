import { afterEach, describe, expect, it } from 'vitest'
import { createSSKSBackend, type SSKS2MRError } from '../../src/server/index'
import { json, startCaptureServer, type CapturedRequest, type Reply } from '../support/startCaptureServer'

type Responder = (request: CapturedRequest, index: number) => Reply

const appId = '00000000-0000-4000-8000-00000000abcd'
const apiKey = 'API-KEY-must-never-appear-9f3c'
const authFactor = { type: 'EM' as const, value: 'alice@example.com' }

let server: Awaited<ReturnType<typeof startCaptureServer>> | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function backendAnswering(respond: Responder, options: { timeoutMs?: number; path?: string } = {}) {
  server = await startCaptureServer(respond)
  return createSSKSBackend({
    keyStorageURL: server.url + (options.path ?? ''),
    appId,
    apiKey,
    timeoutMs: options.timeoutMs,
  })
}

async function failure(promise: Promise<unknown>): Promise<SSKS2MRError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return error as SSKS2MRError
}

function expectNoApiKey(error: SSKS2MRError) {
  expect(error.message).not.toContain(apiKey)
  expect(String(error.stack)).not.toContain(apiKey)
  expect(JSON.stringify(error)).not.toContain(apiKey)
}

describe('challengeSend', () => {
  it('POSTs the snake_case body to /tmr/back/challenge_send/ with the back-end headers', async () => {
    const backend = await backendAnswering(json(200, { session_id: 'sess-1', must_authenticate: true }))
    const result = await backend.challengeSend({
      userId: 'u1',
      authFactor,
      createUser: true,
      forceAuth: false,
      fakeOtp: true,
      templateId: 't1',
    })

    expect(result).toEqual({ sessionId: 'sess-1', mustAuthenticate: true })
    const [request] = server!.requests
    expect(request!.method).toBe('POST')
    expect(request!.path).toBe('/tmr/back/challenge_send/')
    expect(request!.headers['x-seald-appid']).toBe(appId)
    expect(request!.headers['x-seald-apikey']).toBe(apiKey)
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.rawHeaders.map(([name]) => name)).toEqual(
      expect.arrayContaining(['X-SEALD-APPID', 'X-SEALD-APIKEY']),
    )
    expect(request!.body).toBe(
      '{"user_id":"u1","auth_factor":{"type":"EM","value":"alice@example.com"},"create_user":true,"force_auth":false,"template_id":"t1","fake_otp":true}',
    )
  })

  it('leaves out optional fields that were not given', async () => {
    const backend = await backendAnswering(json(200, { session_id: 's', must_authenticate: false }))
    await backend.challengeSend({ userId: 'u1', authFactor: { type: 'SMS', value: '+33600000000' } })
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({
      user_id: 'u1',
      auth_factor: { type: 'SMS', value: '+33600000000' },
    })
  })

  it('drops any path part of keyStorageURL, as the official clients do', async () => {
    const backend = await backendAnswering(json(200, { session_id: 's', must_authenticate: false }), {
      path: 'some/prefix/',
    })
    await backend.challengeSend({ userId: 'u1', authFactor })
    expect(server!.requests[0]!.path).toBe('/tmr/back/challenge_send/')
  })

  it.each([
    [406, { detail: 'SMSQuotaFailed' }, 'SMS_QUOTA'],
    [404, { detail: 'Not found.' }, 'USER_NOT_FOUND'],
    [403, { detail: 'Incorrect authentication credentials.' }, 'UNAUTHORIZED'],
    [401, { detail: 'Authentication credentials were not provided.' }, 'UNAUTHORIZED'],
    [429, { detail: 'Request was throttled.' }, 'RATE_LIMITED'],
    [500, { detail: 'boom' }, 'SERVER'],
    [503, 'not json at all', 'SERVER'],
  ])('maps %i to %s without leaking the API key', async (status, body, code) => {
    const backend = await backendAnswering(json(status, body))
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expectNoApiKey(error)
  })

  it("quotes SSKS's short detail, but not one that echoes the API key, user id or email (the route forwards messages to browsers)", async () => {
    const quoted = await failure(
      (await backendAnswering(json(500, { detail: 'Maintenance' }))).challengeSend({ userId: 'u1', authFactor }),
    )
    expect(quoted.message).toContain('Maintenance')
    for (const echo of [`bad key ${apiKey}`, `no user user-42`, `bounced: ${authFactor.value}`]) {
      await server?.close()
      const error = await failure(
        (await backendAnswering(json(500, { detail: echo }))).challengeSend({ userId: 'user-42', authFactor }),
      )
      expect(error.message).not.toContain(echo)
      expect(error.message).toBe('SSKS challengeSend failed (500)')
    }
  })

  it('tells how to fix an unknown user', async () => {
    const backend = await backendAnswering(json(404, { detail: 'Not found.' }))
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.message).toMatch(/does not know this user.*createUser/)
  })

  it('maps a 200 without session_id to SERVER', async () => {
    const backend = await backendAnswering(json(200, { hello: 'world' }))
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.code).toBe('SERVER')
  })

  it('maps a refused connection to NETWORK', async () => {
    server = await startCaptureServer(json(200, {}))
    const url = server.url
    await server.close()
    server = undefined
    const backend = createSSKSBackend({ keyStorageURL: url, appId, apiKey })
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.code).toBe('NETWORK')
    expectNoApiKey(error)
  })

  it('maps a dropped connection to NETWORK', async () => {
    const backend = await backendAnswering(() => 'drop')
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.code).toBe('NETWORK')
  })

  it('maps no answer within timeoutMs to TIMEOUT', async () => {
    const backend = await backendAnswering(() => 'hang', { timeoutMs: 150 })
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor }))
    expect(error.code).toBe('TIMEOUT')
  })

  it("maps the caller's abort to ABORTED", async () => {
    const backend = await backendAnswering(() => 'hang')
    const controller = new AbortController()
    const pending = backend.challengeSend({ userId: 'u1', authFactor, signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const error = await failure(pending)
    expect(error.code).toBe('ABORTED')
  })

  it('sends nothing when the signal is already aborted', async () => {
    const backend = await backendAnswering(json(200, { session_id: 's', must_authenticate: false }))
    const error = await failure(backend.challengeSend({ userId: 'u1', authFactor, signal: AbortSignal.abort() }))
    expect(error.code).toBe('ABORTED')
    expect(server!.requests).toHaveLength(0)
  })

  it.each([
    [{ authFactor }, 'userId'],
    [{ userId: '', authFactor }, 'userId'],
    [{ userId: 42, authFactor }, 'userId'],
    [{ userId: 'u1' }, 'authFactor'],
    [{ userId: 'u1', authFactor: null }, 'authFactor'],
    [{ userId: 'u1', authFactor: { type: 'em', value: 'a@b.c' } }, 'authFactor.type'],
    [{ userId: 'u1', authFactor: { type: 'EM', value: '' } }, 'authFactor.value'],
    [{ userId: 'u1', authFactor: { type: 'EM', value: 'x'.repeat(1025) } }, 'authFactor.value'],
    [{ userId: 'u1', authFactor, createUser: 'yes' }, 'createUser'],
    [{ userId: 'u1', authFactor, template: '' }, 'template'],
  ])('rejects bad input %j before any request', async (args, path) => {
    const backend = await backendAnswering(json(200, { session_id: 's', must_authenticate: false }))
    const error = await failure(backend.challengeSend(args as never))
    expect(error.code).toBe('VALIDATION')
    expect(error.name).toBe('ValidationError')
    expect((error as SSKS2MRError & { path: string }).path).toBe(path)
    expect(server!.requests).toHaveLength(0)
  })
})

describe('createSSKSBackend options', () => {
  it.each([
    [{ keyStorageURL: 'ftp://x/', appId, apiKey }, 'keyStorageURL'],
    [{ keyStorageURL: 'not a url', appId, apiKey }, 'keyStorageURL'],
    // Refused by the front-end plugin too (Joi matches the scheme case-sensitively; no spaces).
    [{ keyStorageURL: 'HTTPS://ssks.example/', appId, apiKey }, 'keyStorageURL'],
    [{ keyStorageURL: 'https://ssks example/', appId, apiKey }, 'keyStorageURL'],
    [{ keyStorageURL: 'http://127.0.0.1/', appId: '', apiKey }, 'appId'],
    [{ keyStorageURL: 'http://127.0.0.1/', appId, apiKey: '' }, 'apiKey'],
    [{ keyStorageURL: 'http://127.0.0.1/', appId, apiKey, timeoutMs: 0 }, 'timeoutMs'],
  ])('refuses %j at creation', (options, path) => {
    expect(() => createSSKSBackend(options)).toThrowError(expect.objectContaining({ code: 'VALIDATION', path }))
  })

  it('never puts the API key in a configuration error', () => {
    try {
      createSSKSBackend({ keyStorageURL: 'nope', appId, apiKey })
      expect.unreachable()
    } catch (error) {
      expectNoApiKey(error as SSKS2MRError)
    }
  })
})
