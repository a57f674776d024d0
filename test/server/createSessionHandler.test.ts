import { afterEach, describe, expect, it } from 'vitest'
import { createSSKSBackend, generateRawTwoManRuleKey, type SessionUser } from '../../src/server/index'
import { json, startCaptureServer, type CapturedRequest, type Reply } from '../support/startCaptureServer'

type Responder = (request: CapturedRequest, index: number) => Reply

const appId = '00000000-0000-4000-8000-00000000abcd'
const apiKey = 'API-KEY-must-never-appear-9f3c'
const user: SessionUser = {
  userId: 'u1',
  authFactor: { type: 'EM', value: 'alice@example.com' },
  twoManRuleKey: 'k-123',
  createUser: true,
}

let server: Awaited<ReturnType<typeof startCaptureServer>> | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function handlerFor(
  resolveUser: () => unknown,
  respond: Responder = json(200, { session_id: 'sess-1', must_authenticate: true }),
) {
  server = await startCaptureServer(respond)
  const backend = createSSKSBackend({ keyStorageURL: server.url, appId, apiKey })
  return backend.createSessionHandler({ resolveUser: resolveUser as () => Promise<SessionUser | null> })
}

// What the app's own page sends: the browser marks it same-origin; the body is JSON.
const post = () =>
  new Request('https://app.example/api/2mr-session', {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
    body: '{}',
  })

describe('createSessionHandler', () => {
  it('answers the SSKS2MRSession JSON with a masked destination and no-store', async () => {
    const handler = await handlerFor(async () => user)
    const response = await handler(post())

    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      sessionId: 'sess-1',
      mustAuthenticate: true,
      userId: 'u1',
      authFactor: { type: 'EM', value: 'alice@example.com' },
      twoManRuleKey: 'k-123',
      destinationHint: 'a•••@example.com',
    })
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({
      user_id: 'u1',
      auth_factor: user.authFactor,
      create_user: true,
    })
  })

  it('refuses a cross-site request before asking who is signed in or calling SSKS', async () => {
    let resolved = 0
    const handler = await handlerFor(async () => (resolved++, user))
    const crossSite = new Request('https://app.example/api/2mr-session', {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })
    const response = await handler(crossSite)
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' })
    expect(resolved).toBe(0)
    expect(server!.requests).toHaveLength(0)
    // A same-origin request goes through (every other variant: test/security/server-csrf.test.ts).
    expect((await handler(post())).status).toBe(200)
  })

  it('passes a raw key through and masks a phone number', async () => {
    const rawTwoManRuleKey = generateRawTwoManRuleKey()
    const handler = await handlerFor(async () => ({
      userId: 'u2',
      authFactor: { type: 'SMS', value: '+33612345678' },
      rawTwoManRuleKey,
    }))
    const body = await (await handler(post())).json()
    expect(body.rawTwoManRuleKey).toBe(rawTwoManRuleKey)
    expect(body).not.toHaveProperty('twoManRuleKey')
    expect(body.destinationHint).toMatch(/^\+33•+78$/)
  })

  it('answers 401 when nobody is signed in, without calling SSKS', async () => {
    const handler = await handlerFor(async () => null)
    const response = await handler(post())
    expect(response.status).toBe(401)
    expect((await response.json()).code).toBe('UNAUTHORIZED')
    expect(server!.requests).toHaveLength(0)
  })

  it.each(['GET', 'PUT', 'DELETE'])('answers 405 to %s with Allow: POST', async (method) => {
    const handler = await handlerFor(async () => user)
    const response = await handler(new Request('https://app.example/api/2mr-session', { method }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(typeof (await response.json()).code).toBe('string')
    expect(server!.requests).toHaveLength(0)
  })

  it.each([
    [406, { detail: 'SMSQuotaFailed' }, 429, 'SMS_QUOTA'],
    [404, { detail: 'Not found.' }, 404, 'USER_NOT_FOUND'],
    [403, { detail: 'Incorrect authentication credentials.' }, 502, 'UNAUTHORIZED'],
    [500, { detail: 'oops' }, 502, 'SERVER'],
  ])('turns SSKS %i into %i {code: %s}', async (ssksStatus, body, status, code) => {
    const handler = await handlerFor(async () => user, json(ssksStatus, body))
    const response = await handler(post())
    expect(response.status).toBe(status)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const payload = await response.json()
    expect(payload.code).toBe(code)
    expect(typeof payload.message).toBe('string')
    expect(JSON.stringify(payload)).not.toContain(apiKey)
    expect(JSON.stringify(payload)).not.toContain('k-123')
  })

  it('does not forward the message of a throwing resolveUser', async () => {
    const handler = await handlerFor(async () => {
      throw new Error('db password is hunter2')
    })
    const response = await handler(post())
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('hunter2')
  })

  it.each([
    [{ ...user, twoManRuleKey: undefined }],
    [{ ...user, rawTwoManRuleKey: generateRawTwoManRuleKey() }],
    [{ ...user, twoManRuleKey: '' }],
    [{ userId: 'u1', authFactor: user.authFactor, rawTwoManRuleKey: 'c2VjcmV0LXJhdy1rZXk=' }],
  ])('refuses a session user without exactly one valid key (500 VALIDATION, no SSKS call)', async (badUser) => {
    const handler = await handlerFor(async () => badUser)
    const response = await handler(post())
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text).code).toBe('VALIDATION')
    expect(text).not.toContain('c2VjcmV0LXJhdy1rZXk=')
    expect(server!.requests).toHaveLength(0)
  })
})
