/**
 * `toNodeHandler`: the session route served by a plain `node:http` server (what Express calls too),
 * over real HTTP on 127.0.0.1. The emulator runs in-process here: its own Node server would replace
 * the global Request/Response (as @hono/node-server's `serve` does), hiding what the adapter does to them.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../../src/emulator/index'
import { createSSKSBackend, generateTwoManRuleKey, toNodeHandler } from '../../src/server/index'

let server: Server
let origin: string
const GlobalRequest = globalThis.Request
const GlobalResponse = globalThis.Response

beforeAll(async () => {
  const emulator = createEmulator()
  const fetchSSKS = (input: RequestInfo | URL, init?: RequestInit) => emulator.fetch(new Request(input, init))
  const ssks = createSSKSBackend({
    keyStorageURL: 'https://ssks.test/',
    appId: emulator.appId,
    apiKey: emulator.apiKey,
    fetch: fetchSSKS,
  })
  const twoManRuleKey = generateTwoManRuleKey()
  const route = ssks.createSessionHandler({
    resolveUser: (request) =>
      request.headers.get('cookie') === 'user=jane'
        ? { userId: 'jane', authFactor: { type: 'EM', value: 'jane@example.com' }, twoManRuleKey, createUser: true }
        : null,
  })
  server = createServer(toNodeHandler(route))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

const post = (headers: Record<string, string>) =>
  fetch(`${origin}/api/ssks-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: '{}',
  })

describe('toNodeHandler', () => {
  it('serves the session route: 200 with the session for the signed-in user', async () => {
    const response = await post({ cookie: 'user=jane' })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({
      userId: 'jane',
      mustAuthenticate: false,
      destinationHint: 'j•••@example.com',
    })
  })

  it('passes the method, headers and status through (401 signed out, 405 on GET)', async () => {
    expect((await post({})).status).toBe(401)
    const get = await fetch(`${origin}/api/ssks-session`)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
  })

  it("leaves the process's global Request and Response alone", () => {
    expect(globalThis.Request).toBe(GlobalRequest)
    expect(globalThis.Response).toBe(GlobalResponse)
  })
})
