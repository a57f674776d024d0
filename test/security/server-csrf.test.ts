/**
 * The session route emails or texts a code on every accepted POST (and ends the user's session in
 * progress), so a forged cross-site POST costs the victim and the app. Only a request the browser
 * proves same-origin (Fetch-Metadata), or whose Origin is the route's own or an allowed one, with a
 * JSON body, may reach `resolveUser` and SSKS.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSSKSBackend, type SessionUser } from '../../src/server/index'
import { json, startCaptureServer } from '../support/startCaptureServer'

const ROUTE = 'https://app.example/api/2mr-session'
const user: SessionUser = {
  userId: 'u1',
  authFactor: { type: 'EM', value: 'alice@example.com' },
  twoManRuleKey: 'k-123',
}

let server: Awaited<ReturnType<typeof startCaptureServer>> | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function route(options: { allowedOrigins?: string[] } = {}) {
  server = await startCaptureServer(json(200, { session_id: 'sess-1', must_authenticate: true }))
  const backend = createSSKSBackend({ keyStorageURL: server.url, appId: 'app', apiKey: 'key' })
  const resolved: Request[] = []
  const handler = backend.createSessionHandler({ ...options, resolveUser: (request) => (resolved.push(request), user) })
  return { handler, resolved, ssksCalls: () => server!.requests.length }
}

const post = (headers: Record<string, string>, body = '{}') => new Request(ROUTE, { method: 'POST', headers, body })
const JSON_TYPE = { 'Content-Type': 'application/json' }

describe('the session route refuses every forged cross-site POST before resolveUser and SSKS', () => {
  it.each([
    [
      'a cross-site request (Sec-Fetch-Site: cross-site)',
      { ...JSON_TYPE, 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    ],
    [
      'a sibling subdomain (Sec-Fetch-Site: same-site)',
      { ...JSON_TYPE, 'Sec-Fetch-Site': 'same-site', Origin: 'https://evil.app.example' },
    ],
    ['a foreign Origin from a browser without Fetch-Metadata', { ...JSON_TYPE, Origin: 'https://evil.example' }],
    [
      'a form-encoded body from a page of the same origin',
      { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/x-www-form-urlencoded' },
    ],
    [
      'a text/plain body (a simple request any site can send)',
      { 'Content-Type': 'text/plain', Origin: 'https://app.example' },
    ],
    ['a multipart form body', { 'Content-Type': 'multipart/form-data; boundary=x', 'Sec-Fetch-Site': 'same-origin' }],
    ['Origin: null (sandboxed iframe, data: URL)', { ...JSON_TYPE, Origin: 'null' }],
    ['a request with neither Fetch-Metadata nor Origin', { ...JSON_TYPE }],
    ['the same host over another scheme', { ...JSON_TYPE, Origin: 'http://app.example' }],
    ['the same host on another port', { ...JSON_TYPE, Origin: 'https://app.example:8443' }],
    [
      'a look-alike origin that starts with the route origin',
      { ...JSON_TYPE, Origin: 'https://app.example.evil.example' },
    ],
    ['a JSON look-alike content type', { 'Content-Type': 'application/json-seq', 'Sec-Fetch-Site': 'same-origin' }],
    ['no content type at all', { 'Sec-Fetch-Site': 'same-origin' }],
    [
      'an unknown Fetch-Metadata value with a foreign Origin',
      { ...JSON_TYPE, 'Sec-Fetch-Site': 'SAME-ORIGIN ', Origin: 'https://evil.example' },
    ],
  ])('refuses %s', async (_name, headers) => {
    const { handler, resolved, ssksCalls } = await route()
    const response = await handler(post(headers))
    expect([403, 415]).toContain(response.status)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(typeof (await response.json()).code).toBe('string')
    expect(resolved).toHaveLength(0)
    expect(ssksCalls()).toBe(0)
  })

  it('refuses a foreign origin with 403 UNAUTHORIZED and a non-JSON body with 415', async () => {
    const { handler } = await route()
    const foreign = await handler(post({ ...JSON_TYPE, Origin: 'https://evil.example' }))
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).code).toBe('UNAUTHORIZED')
    const form = await handler(post({ 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'text/plain' }))
    expect(form.status).toBe(415)
    expect((await form.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })
})

describe('the session route accepts what is provably same-origin', () => {
  it.each([
    ['Sec-Fetch-Site: same-origin', { ...JSON_TYPE, 'Sec-Fetch-Site': 'same-origin' }],
    ['Sec-Fetch-Site: none (typed by the user, no page involved)', { ...JSON_TYPE, 'Sec-Fetch-Site': 'none' }],
    ['the route’s own Origin from a browser without Fetch-Metadata', { ...JSON_TYPE, Origin: 'https://app.example' }],
    [
      'a JSON type with parameters, in any case',
      { 'Content-Type': 'Application/JSON; charset=utf-8', 'Sec-Fetch-Site': 'same-origin' },
    ],
  ])('accepts %s', async (_name, headers) => {
    const { handler, resolved, ssksCalls } = await route()
    expect((await handler(post(headers))).status).toBe(200)
    expect(resolved).toHaveLength(1)
    expect(ssksCalls()).toBe(1)
  })

  it('accepts an origin listed in allowedOrigins, even same-site or cross-site, and no other', async () => {
    const { handler, ssksCalls } = await route({ allowedOrigins: ['https://www.app.example', 'http://127.0.0.1:6006'] })
    expect(
      (await handler(post({ ...JSON_TYPE, 'Sec-Fetch-Site': 'same-site', Origin: 'https://www.app.example' }))).status,
    ).toBe(200)
    expect(
      (await handler(post({ ...JSON_TYPE, 'Sec-Fetch-Site': 'cross-site', Origin: 'http://127.0.0.1:6006' }))).status,
    ).toBe(200)
    expect(
      (await handler(post({ ...JSON_TYPE, 'Sec-Fetch-Site': 'same-site', Origin: 'https://evil.app.example' }))).status,
    ).toBe(403)
    expect(ssksCalls()).toBe(2)
  })

  it.each([['*'], ['https://app.example/'], ['app.example'], ['null'], ['https://user@app.example']])(
    'refuses allowedOrigins entry %j at set-up (not a serialised origin)',
    (entry) => {
      const backend = createSSKSBackend({ keyStorageURL: 'https://ssks.example/', appId: 'app', apiKey: 'key' })
      expect(() => backend.createSessionHandler({ resolveUser: () => user, allowedOrigins: [entry] })).toThrow(
        expect.objectContaining({ code: 'VALIDATION', path: 'allowedOrigins' }),
      )
    },
  )
})
