/**
 * HTTP-level behaviour over real HTTP: CORS, body limit, malformed bodies, unknown routes and
 * methods, odd headers, the listening address and closing with keep-alive connections open.
 */
import { request as httpRequest, Agent } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PATHS } from '../../src/core/protocol/constants'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { call, email, emulatorClient } from './emulatorClient'

let emulator: RunningEmulator
let ssks: ReturnType<typeof emulatorClient>
beforeAll(async () => {
  emulator = await startEmulator({ maxBodyBytes: 64 * 1024 })
  ssks = emulatorClient(emulator)
})
afterAll(() => emulator.close())
const at = (path: string) => new URL(path, emulator.url).href

describe('listening', () => {
  it('listens on 127.0.0.1 on a random port and gives a URL with a trailing slash', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(emulator.port).toBeGreaterThan(0)
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}/`)
  })

  it('close() resolves with a keep-alive connection open, and the port stops answering', async () => {
    const other = await startEmulator()
    const agent = new Agent({ keepAlive: true })
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL('/__dev/outbox', other.url), { agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
    const socketClosed = new Promise<void>((resolve) => {
      const sockets = Object.values(agent.freeSockets).flat()
      expect(sockets.length).toBe(1)
      sockets[0]!.once('close', () => resolve())
    })
    await other.close()
    await socketClosed
    await expect(fetch(other.url)).rejects.toThrow()
    agent.destroy()
  })
})

describe('CORS', () => {
  it('answers a preflight on every endpoint with permissive, non-credentialed headers', async () => {
    for (const path of Object.values(PATHS)) {
      const response = await fetch(at(path), {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:6006',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-seald-appid,x-seald-session,x-seald-version,traceparent',
        },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase()
      for (const header of [
        'content-type',
        'x-seald-appid',
        'x-seald-apikey',
        'x-seald-session',
        'x-seald-version',
        'traceparent',
      ]) {
        expect(allowed).toContain(header)
      }
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    }
    const dev = await fetch(at('/__dev/outbox'), { method: 'OPTIONS', headers: { Origin: 'http://localhost:6006' } })
    expect(dev.status).toBe(204)
    expect(dev.headers.get('access-control-allow-methods')).toContain('GET')
    // A preflight is not an SSKS call: no side effects, and a bad header name is not echoed.
    const odd = await fetch(at(PATHS.push), {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Headers': 'x-ok, bad header(' },
    })
    expect(odd.headers.get('access-control-allow-headers')).toContain('x-ok')
    expect(odd.headers.get('access-control-allow-headers')).not.toContain('bad header')
  })

  it('puts the allowed origin on answers, errors included, and exposes no extra header', async () => {
    const ok = await fetch(at('/__dev/outbox'), { headers: { Origin: 'http://localhost:6006' } })
    const error = await fetch(at(PATHS.search), { method: 'POST', headers: { Origin: 'http://localhost:6006' } })
    expect(error.headers.get('access-control-allow-origin')).toBe('*')
    // The dev routes echo the (local) page's origin rather than '*'.
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:6006')
    expect(ok.headers.get('vary')).toContain('Origin')
    for (const response of [ok, error]) expect(response.headers.get('access-control-expose-headers')).toBeNull()
    expect(error.status).toBe(403)
  })

  it('keeps the dev routes (live codes, reset) away from pages not served from this machine', async () => {
    const evil = { Origin: 'https://evil.example' }
    const read = await fetch(at('/__dev/outbox'), { headers: evil })
    expect(read.status).toBe(403)
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    // A "simple" cross-site POST (no preflight) is refused too, before it can act.
    const before = await (await fetch(at('/__dev/faults'))).json()
    const write = await fetch(at('/__dev/faults'), {
      method: 'POST',
      headers: { ...evil, 'Content-Type': 'text/plain' },
      body: '{"endpoint":"push","kind":"status","status":500}',
    })
    expect(write.status).toBe(403)
    expect(await (await fetch(at('/__dev/faults'))).json()).toEqual(before)
    const preflight = await fetch(at('/__dev/reset'), { method: 'OPTIONS', headers: evil })
    expect(preflight.status).toBe(403)
    for (const local of ['http://127.0.0.1:5173', 'http://[::1]:6006', 'http://localhost']) {
      const answer = await fetch(at('/__dev/outbox'), { headers: { Origin: local } })
      expect([answer.status, answer.headers.get('access-control-allow-origin')]).toEqual([200, local])
    }
  })

  it('adds no CORS header for non-browser calls (no Origin)', async () => {
    const response = await fetch(at('/__dev/outbox'))
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('uses corsOrigin when given', async () => {
    const strict = await startEmulator({ corsOrigin: 'http://app.example' })
    try {
      const response = await fetch(new URL(PATHS.push, strict.url), { method: 'OPTIONS' })
      expect(response.headers.get('access-control-allow-origin')).toBe('http://app.example')
    } finally {
      await strict.close()
    }
  })
})

describe('bodies', () => {
  it('answers 413 above the body limit (declared length), and accepts a body just under it', async () => {
    const started = await ssks.startSession('big', email())
    const big = await ssks.push(started.sessionId, { data_b64: 'A'.repeat(64 * 1024) })
    expect(big.status).toBe(413)
    expect(big.body.detail).toEqual(expect.any(String))
    const fits = await ssks.push(started.sessionId, { data_b64: 'A'.repeat(60 * 1024) })
    expect(fits.status).toBe(200)
  })

  it('answers 413 to a chunked body (no Content-Length) that grows past the limit', async () => {
    const started = await ssks.startSession('chunked', email())
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        at(PATHS.push),
        {
          method: 'POST',
          headers: {
            'X-SEALD-APPID': emulator.appId,
            'X-SEALD-SESSION': started.sessionId,
            'Content-Type': 'application/json',
          },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write('{"data_b64":"')
      for (let i = 0; i < 20; i++) req.write('B'.repeat(8 * 1024))
      req.end('"}')
    })
    expect(status).toBe(413)
  })

  it('uses a 1 MiB limit by default', async () => {
    const defaults = await startEmulator()
    try {
      const client = emulatorClient(defaults)
      const started = await client.startSession('u', email())
      expect((await client.push(started.sessionId, { data_b64: 'A'.repeat(1024 * 1024) })).status).toBe(413)
      expect((await client.push(started.sessionId, { data_b64: 'A'.repeat(1000 * 1024) })).status).toBe(200)
    } finally {
      await defaults.close()
    }
  })

  it.each([
    ['truncated JSON', '{"user_id": "a"', /JSON parse error/],
    ['a JSON array', '[1,2]', /Expected a dictionary, but got list/],
    ['a JSON string', '"hello"', /Expected a dictionary/],
    ['JSON null', 'null', /Expected a dictionary/],
    ['plain text', 'user_id=a&auth_factor=b', /JSON parse error/],
  ])('answers 400 with a detail to %s', async (_, body, detail) => {
    const answer = await call(at(PATHS.challengeSend), {
      method: 'POST',
      headers: {
        'X-SEALD-APPID': emulator.appId,
        'X-SEALD-APIKEY': emulator.apiKey,
        'Content-Type': 'application/json',
      },
      body,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.detail).toMatch(detail)
  })

  it('answers 400 to bytes that are not UTF-8', async () => {
    const answer = await call(at(PATHS.challengeSend), {
      method: 'POST',
      headers: { 'X-SEALD-APPID': emulator.appId, 'X-SEALD-APIKEY': emulator.apiKey },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    })
    expect(answer).toMatchObject({ status: 400, body: { detail: 'JSON parse error.' } })
  })

  it('reads the JSON whatever the Content-Type says', async () => {
    const answer = await ssks.challengeSend(
      { user_id: 'ct', auth_factor: email(), create_user: true },
      { 'Content-Type': 'text/plain;charset=latin1' },
    )
    expect(answer.status).toBe(200)
  })
})

describe('routes and headers', () => {
  it('answers JSON 404 to unknown routes and to endpoints without their trailing slash', async () => {
    for (const path of ['/', '/tmr/', '/tmr/front/push', '/tmr/front/unknown/', '/__dev/nothing', '/%ff%00']) {
      const answer = await call(at(path), { method: 'POST' })
      expect(answer).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
      expect(answer.headers.get('content-type')).toContain('application/json')
    }
  })

  it('answers 405 to other methods on an endpoint', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await call(at(PATHS.push), { method })
      expect(answer.status).toBe(405)
      expect(answer.body.detail).toContain(method)
    }
  })

  it('tolerates extra and odd headers (Go client headers, duplicates, long values)', async () => {
    const validated = await ssks.validatedSession('hdr', email())
    const answer = await ssks.search(validated, {
      Accept: 'application/json',
      'X-HDR-Method': 'HDR',
      'X-Extra': 'x'.repeat(8000),
    })
    expect(answer).toMatchObject({ status: 404, body: { model: 'TMRKey' } })
    const longSession = await ssks.search('s'.repeat(8000))
    expect(longSession.status).toBe(404)
  })

  it('survives broken HTTP on a raw socket and keeps answering', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(emulator.port, '127.0.0.1', () => {
        socket.write('POST /tmr/front/push/ HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n{}')
      })
      socket.on('data', () => socket.destroy())
      socket.on('close', () => resolve())
      socket.on('error', () => resolve())
    })
    await new Promise<void>((resolve) => {
      const socket = connect(emulator.port, '127.0.0.1', () => {
        socket.write('POST /tmr/front/push/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"data_b64"')
        socket.destroy()
        resolve()
      })
    })
    expect((await ssks.challengeSend({ user_id: 'after', auth_factor: email(), create_user: true })).status).toBe(200)
  })
})
