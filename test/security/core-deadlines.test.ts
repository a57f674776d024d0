/**
 * `timeoutMs` bounds a whole SSKS call, body included, whatever the fetch does with its signal; a
 * slow body is a timeout (retried where the call is), and an answer can never be bigger than a
 * backup could plausibly be, so a hostile server cannot make the page buffer megabytes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { encryptIdentity } from '../../src/core/crypto/identityBlob'
import { testCrypto } from '../core/support/cryptoContext'
import { MAX_ANSWER_BYTES } from '../../src/core/http/readAnswer'
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
import { startRawServer, type RawServer } from './support/rawServer'

const servers: RawServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const retrieveArgs = {
  userId: 'user-1',
  sessionId: SESSION,
  authFactor: AUTH_FACTOR,
  challenge: CHALLENGE,
  rawTwoManRuleKey: RAW_KEY,
}
const saveArgs = { ...retrieveArgs, identity: new Uint8Array([1, 2, 3]) }
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.fail(`expected a failure, got ${JSON.stringify(value)}`),
    (error: SSKS2MRError) => error,
  )

/** A 200 whose headers come at once and whose body never arrives, and which ignores the signal it is given. */
const bodyNeverEnds: typeof fetch = async () =>
  new Response(
    new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"new_id":')) }),
    {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    },
  )

describe('the deadline covers the whole call', () => {
  it('a custom fetch that ignores its signal and never finishes the body → TIMEOUT', async () => {
    const { api } = sdkWithPlugin('http://127.0.0.1:9/', { timeoutMs: 200, fetch: bodyNeverEnds })
    const error = await failure(api.saveIdentity(saveArgs))
    expect([error.code, error.message]).toEqual(['TIMEOUT', 'SSKS challengeValidate failed: no answer within 200 ms'])
  })

  it('a slow 200 body on search → TIMEOUT, retried like any timed-out read', async () => {
    const server = await startRawServer((req, res) => {
      if (req.path.endsWith('challenge_validate/'))
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ new_id: NEW_SESSION }))
      // Headers now, the body much later than the deadline.
      res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"data_b64":"')
      setTimeout(() => res.end('AAAA","authenticated":true}'), 2_000).unref()
    })
    servers.push(server)
    const error = await failure(
      sdkWithPlugin(server.url, { timeoutMs: 150, retries: 1, retryDelayMs: 1 }).api.retrieveIdentity(retrieveArgs),
    )
    expect([error.code, error.message]).toEqual(['TIMEOUT', 'Retrieving identity failed: no answer within 150 ms'])
    expect(server.requests.filter((r) => r.path.endsWith('search/'))).toHaveLength(2)
  })

  it('a slow body then a good one: the retry succeeds', async () => {
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    let searches = 0
    const server = await startRawServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      if (req.path.endsWith('challenge_validate/')) return res.end(JSON.stringify({ new_id: NEW_SESSION }))
      if (searches++ === 0) return void res.write('{')
      res.end(JSON.stringify({ data_b64: dataB64, authenticated: true }))
    })
    servers.push(server)
    const result = await sdkWithPlugin(server.url, {
      timeoutMs: 150,
      retries: 1,
      retryDelayMs: 1,
    }).api.retrieveIdentity(retrieveArgs)
    expect(result.sealdId).toBe('seald-id-1')
  })
})

describe('answers have a size limit', () => {
  it(`a search answer streaming past ${MAX_ANSWER_BYTES} bytes is a SERVER error, and the plugin stops reading`, async () => {
    let sent = 0
    const chunk = Buffer.alloc(64 * 1024, 'A')
    const server = await startRawServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      if (req.path.endsWith('challenge_validate/')) return res.end(JSON.stringify({ new_id: NEW_SESSION }))
      res.write('{"data_b64":"')
      // Up to 48 MB, as fast as the client takes it.
      const pump = () => {
        while (sent < 48 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (!res.destroyed) res.end('","authenticated":true}')
      }
      res.on('close', () => (sent = -sent))
      pump()
    })
    servers.push(server)
    const error = await failure(sdkWithPlugin(server.url, { retries: 0 }).api.retrieveIdentity(retrieveArgs))
    expect(error.code).toBe('SERVER')
    expect(error.message).toBe(`Retrieving identity failed: answer larger than ${MAX_ANSWER_BYTES} bytes`)
    // The server saw the connection closed long before it could send 48 MB (socket buffers aside).
    expect(Math.abs(sent)).toBeLessThan(MAX_ANSWER_BYTES + 8 * 1024 * 1024)
  })

  it('a declared Content-Length over the limit is refused before reading the body', async () => {
    const server = await startRawServer((req, res) => {
      if (req.path.endsWith('challenge_validate/'))
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ new_id: NEW_SESSION }))
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_ANSWER_BYTES + 1) })
        .write('{')
    })
    servers.push(server)
    const error = await failure(
      sdkWithPlugin(server.url, { retries: 0, timeoutMs: 5_000 }).api.retrieveIdentity(retrieveArgs),
    )
    expect([error.code, error.message]).toEqual([
      'SERVER',
      `Retrieving identity failed: answer larger than ${MAX_ANSWER_BYTES} bytes`,
    ])
  })

  it('the limit is generous: a 1 MB backup still reads', async () => {
    const identity = standInIdentityBytes({ keyMaterial: Buffer.alloc(700 * 1024, 7).toString('base64') })
    const dataB64 = await encryptIdentity(testCrypto(APP_ID), { userId: 'user-1', rawTwoManRuleKey: RAW_KEY }, identity)
    expect(dataB64.length).toBeGreaterThan(1_000_000)
    const server = await startRawServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify(
          req.path.endsWith('challenge_validate/')
            ? { new_id: NEW_SESSION }
            : { data_b64: dataB64, authenticated: true },
        ),
      )
    })
    servers.push(server)
    expect((await sdkWithPlugin(server.url).api.retrieveIdentity(retrieveArgs)).sealdId).toBe('seald-id-1')
  })

  it('a fetch whose responses have no body stream (React Native) still reads answers, within the limit', async () => {
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    const streamless = (text: string) => ({
      status: 200,
      statusText: 'OK',
      ok: true,
      headers: new Headers(),
      body: null,
      text: async () => text,
    })
    const answers: Record<string, string> = {
      challenge_validate: JSON.stringify({ new_id: NEW_SESSION }),
      search: JSON.stringify({ data_b64: dataB64, authenticated: true }),
    }
    const rnFetch = (async (url: string) =>
      streamless(answers[String(url).split('/').at(-2)!]!)) as unknown as typeof fetch
    expect(
      (await sdkWithPlugin('http://127.0.0.1:9/', { fetch: rnFetch }).api.retrieveIdentity(retrieveArgs)).sealdId,
    ).toBe('seald-id-1')
    answers.search = JSON.stringify({ data_b64: 'A'.repeat(MAX_ANSWER_BYTES), authenticated: true })
    const error = await failure(
      sdkWithPlugin('http://127.0.0.1:9/', { fetch: rnFetch, retries: 0 }).api.retrieveIdentity(retrieveArgs),
    )
    expect([error.code, error.message]).toEqual([
      'SERVER',
      `Retrieving identity failed: answer larger than ${MAX_ANSWER_BYTES} bytes`,
    ])
  })
})
