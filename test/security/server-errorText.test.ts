/**
 * What SSKS says in an error must not carry our secrets back out, in any case or cut: the API key
 * (a header), the user's email or phone, the user id. The session route goes further and answers
 * the browser only with its own fixed message per code.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSSKSBackend, type SessionUser } from '../../src/server/index'
import { json, startCaptureServer } from '../support/startCaptureServer'

const apiKey = 'API-KEY-must-never-appear-9f3c'
const user: SessionUser = {
  userId: 'user-0042-abcdef',
  authFactor: { type: 'EM', value: 'alice.martin@example.com' },
  twoManRuleKey: 'k-123',
}
const fromAppPage = () =>
  new Request('https://app.example/api/2mr-session', {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
    body: '{}',
  })

let server: Awaited<ReturnType<typeof startCaptureServer>> | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function backendAnswering(status: number, body: unknown) {
  server = await startCaptureServer(json(status, body))
  return createSSKSBackend({ keyStorageURL: server.url, appId: 'app', apiKey })
}

async function challengeSendMessage(status: number, detail: string): Promise<string> {
  const backend = await backendAnswering(status, { detail })
  const error = await backend.challengeSend(user).then(
    () => expect.fail('challengeSend should fail'),
    (e: Error) => e,
  )
  return error.message
}

describe('challengeSend never quotes an SSKS detail that echoes what it sent', () => {
  it.each([
    ['the API key upper-cased', 401, `bad key ${apiKey.toUpperCase()}`],
    ['the API key lower-cased', 403, apiKey.toLowerCase()],
    ['8 characters from the middle of the API key', 500, `key ...${apiKey.slice(9, 17)}... refused`],
    ['the email in another case', 404, `no user ALICE.MARTIN@EXAMPLE.COM`],
    ['a cut of the email', 429, 'too many for martin@exa'],
    ['a cut of the user id', 500, 'user 0042-abcdef is locked'],
  ])('%s', async (_name, status, detail) => {
    const message = await challengeSendMessage(status, detail)
    expect(message).toContain(String(status))
    expect(message.toLowerCase()).not.toContain(detail.toLowerCase())
  })

  it('still quotes a short detail that echoes nothing', async () => {
    expect(await challengeSendMessage(503, 'Service temporarily unavailable.')).toContain(
      'Service temporarily unavailable.',
    )
  })
})

describe('the session route answers the browser only with its fixed message per code', () => {
  it.each([
    [500, 'SERVER', { detail: 'psycopg2.OperationalError: could not connect to db-3.internal:5432' }],
    [401, 'UNAUTHORIZED', { detail: `Invalid key ${apiKey.toUpperCase()}` }],
    [429, 'RATE_LIMITED', { detail: 'Throttled: 1000 requests/day for app 4f1c' }],
    [404, 'USER_NOT_FOUND', { detail: 'User user-0042-abcdef not found' }],
  ])('SSKS %i with an internal detail → {code: %s} and a message of the route’s own', async (status, code, body) => {
    const backend = await backendAnswering(status, body)
    const route = backend.createSessionHandler({ resolveUser: () => user })
    const answer = await (await route(fromAppPage())).json()
    expect(answer.code).toBe(code)
    const text = JSON.stringify(answer).toLowerCase()
    expect(text).not.toContain(body.detail.toLowerCase().slice(0, 12))
    expect(text).not.toContain(apiKey.toLowerCase())
    expect(text).not.toContain(String(status))
  })

  it('gives every code of a failed challengeSend the same message whatever SSKS said', async () => {
    const messages = new Set<string>()
    for (const detail of ['first internal text', 'second internal text']) {
      const backend = await backendAnswering(500, { detail })
      const answer = await (await backend.createSessionHandler({ resolveUser: () => user })(fromAppPage())).json()
      messages.add(answer.message)
      await server!.close()
      server = undefined
    }
    expect(messages.size).toBe(1)
  })
})
