/**
 * The back-end's `challengeSend` carries the SSKS API key in a header: it must never follow a
 * redirect (fetch re-sends custom headers to the new origin), and only a 200 JSON answer of the
 * protocol's shape is a session.
 */
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_ANSWER_BYTES } from '../../src/core/http/readAnswer'
import { createSSKSBackend, type SSKS2MRError } from '../../src/server/index'
import { startRawServer, type RawServer } from './support/rawServer'

const apiKey = 'API-KEY-must-never-appear-9f3c'
const args = { userId: 'u1', authFactor: { type: 'EM' as const, value: 'alice@example.com' }, createUser: true }
const servers: RawServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function backendAnswering(
  answer: (res: ServerResponse) => void,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
) {
  const server = await startRawServer((_req, res) => answer(res))
  servers.push(server)
  return createSSKSBackend({ keyStorageURL: server.url, appId: 'app', apiKey, ...options })
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.fail(`expected a failure, got ${JSON.stringify(value)}`),
    (error: SSKS2MRError) => error,
  )

describe('challengeSend', () => {
  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i: the API key never reaches the other origin',
    async (status) => {
      const other = await startRawServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"session_id":"s","must_authenticate":false}'),
      )
      servers.push(other)
      const backend = await backendAnswering((res) =>
        res.writeHead(status, { Location: `${other.url}tmr/back/challenge_send/` }).end(),
      )
      const error = await failure(backend.challengeSend(args))
      expect(['SERVER', 'NETWORK']).toContain(error.code)
      expect(other.requests).toHaveLength(0)
    },
  )

  it.each([
    [
      'a 201 of the right shape',
      (res: ServerResponse) =>
        res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"session_id":"s","must_authenticate":true}'),
    ],
    [
      'an HTML 200',
      (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>'),
    ],
  ])('%s is a SERVER error', async (_name, answer) => {
    const error = await failure((await backendAnswering(answer)).challengeSend(args))
    expect(error.code).toBe('SERVER')
  })

  it('a body past the answer limit is a SERVER error', async () => {
    const backend = await backendAnswering((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(`{"session_id":"${'s'.repeat(MAX_ANSWER_BYTES)}","must_authenticate":true}`)
    })
    const error = await failure(backend.challengeSend(args))
    expect(error.code).toBe('SERVER')
  })

  it('times out on a body that never ends, even through a fetch that ignores its signal', async () => {
    const neverEnds: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{')) }), { status: 200 })
    const backend = createSSKSBackend({
      keyStorageURL: 'http://127.0.0.1:9/',
      appId: 'app',
      apiKey,
      timeoutMs: 150,
      fetch: neverEnds,
    })
    const error = await failure(backend.challengeSend(args))
    expect(error.code).toBe('TIMEOUT')
  })
})
