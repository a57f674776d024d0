/**
 * Dev routes (/__dev/*: live codes, faults, clock, reset) against an attacker's requests over
 * real HTTP: percent-encoded paths, foreign Origin, foreign Host (DNS rebinding), simple-request
 * content types. In-process, the same rules hold on the request URL's host.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { email, emulatorClient } from '../emulator/emulatorClient'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http, because fetch will not send a Host of our choosing. */
function send(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: emulator.port, path, method, headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A user with a pending code in the outbox, to see whether an attack can read or wipe it. */
async function pendingCode(): Promise<string> {
  const started = await emulatorClient(emulator).startSession(`victim-${Math.random()}`, email(), { force_auth: true })
  return started.challenge!
}

const ENCODED = ['/%5F%5Fdev', '/%5f_dev', '/__de%76', '/%5F%5F%64%65%76']
const EVIL = 'https://evil.example'

describe('encoded dev paths', () => {
  it('refuses every encoded spelling of the dev routes from a foreign origin, with no CORS header and no code', async () => {
    const code = await pendingCode()
    for (const prefix of ENCODED) {
      for (const route of ['outbox', 'requests', 'faults', 'clock']) {
        const answer = await send(`${prefix}/${route}`, { headers: { Origin: EVIL } })
        expect([prefix, route, answer.status]).toEqual([prefix, route, 403])
        expect(answer.headers['access-control-allow-origin']).toBeUndefined()
        expect(answer.body).not.toContain(code)
      }
    }
  })

  it('refuses encoded reset, faults and clock writes from a foreign origin, and nothing changes', async () => {
    const code = await pendingCode()
    for (const prefix of ENCODED) {
      const writes = [
        send(`${prefix}/reset`, { method: 'POST', headers: { Origin: EVIL, 'Content-Type': 'application/json' } }),
        send(`${prefix}/faults`, {
          method: 'POST',
          headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
          body: '{"kind":"status","status":500}',
        }),
        send(`${prefix}/faults`, { method: 'DELETE', headers: { Origin: EVIL } }),
        send(`${prefix}/clock`, {
          method: 'POST',
          headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
          body: '{"advanceMs":86400000}',
        }),
        send(`${prefix}/reset`, {
          method: 'OPTIONS',
          headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
        }),
      ]
      for (const answer of await Promise.all(writes)) {
        expect([prefix, answer.status]).toEqual([prefix, 403])
        expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      }
    }
    expect(emulator.outbox().map((entry) => entry.challenge)).toContain(code)
    expect(emulator.faults.list()).toEqual([])
    expect(Math.abs(emulator.clock.now() - Date.now())).toBeLessThan(60_000)
  })

  it('routes an encoded dev path the same way for a page of this machine (the guard sees what the router sees)', async () => {
    const code = await pendingCode()
    const answer = await send('/%5F%5Fdev/outbox', { headers: { Origin: 'http://localhost:6006' } })
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:6006')
    expect(answer.body).toContain(code)
  })
})

describe('DNS rebinding (foreign Host)', () => {
  it('refuses the outbox to a foreign Host without Origin (a rebound page reading same-origin)', async () => {
    const code = await pendingCode()
    for (const path of ['/__dev/outbox', '/%5F%5Fdev/outbox', '/__dev/requests']) {
      const answer = await send(path, { headers: { Host: `attacker.example:${emulator.port}` } })
      expect([path, answer.status]).toEqual([path, 403])
      expect(answer.body).not.toContain(code)
    }
  })

  it('refuses reset, faults and clock to a foreign Host, even with a JSON body, and nothing changes', async () => {
    const code = await pendingCode()
    const host = { Host: `attacker.example:${emulator.port}`, 'Content-Type': 'application/json' }
    expect((await send('/__dev/reset', { method: 'POST', headers: host })).status).toBe(403)
    expect((await send('/__dev/faults', { method: 'POST', headers: host, body: '{"kind":"drop"}' })).status).toBe(403)
    expect((await send('/__dev/clock', { method: 'POST', headers: host, body: '{"advanceMs":1000}' })).status).toBe(403)
    // A rebound page is same-origin to the browser, so it sends its own (foreign) Origin on POST.
    const withOrigin = { ...host, Origin: `http://attacker.example:${emulator.port}` }
    expect((await send('/__dev/reset', { method: 'POST', headers: withOrigin })).status).toBe(403)
    expect(emulator.outbox().map((entry) => entry.challenge)).toContain(code)
    expect(emulator.faults.list()).toEqual([])
  })

  it('answers loopback Host names, with or without port, in any case', async () => {
    for (const host of [
      '127.0.0.1',
      `127.0.0.1:${emulator.port}`,
      'localhost',
      `LocalHost:${emulator.port}`,
      '[::1]',
      `[::1]:${emulator.port}`,
    ]) {
      const answer = await send('/__dev/outbox', { headers: { Host: host } })
      expect([host, answer.status]).toEqual([host, 200])
    }
  })

  it('refuses Host names that only look loopback', async () => {
    for (const host of [
      'localhost.attacker.example',
      '127.0.0.1.nip.io',
      'attacker.example',
      '[::2]',
      '127.0.0.2',
      'localhost.',
    ]) {
      const answer = await send('/__dev/outbox', { headers: { Host: host } })
      expect([host, answer.status]).toEqual([host, 403])
    }
  })

  it('answers the configured devHosts (a LAN name the developer chose)', async () => {
    const lan = await startEmulator({ devHosts: ['devbox.lan'] })
    try {
      const at = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            { host: '127.0.0.1', port: lan.port, path: '/__dev/outbox', headers: { Host: host }, agent: false },
            (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
            },
          )
          req.on('error', reject)
          req.end()
        })
      expect(await at(`devbox.lan:${lan.port}`)).toBe(200)
      expect(await at('attacker.example')).toBe(403)
    } finally {
      await lan.close()
    }
  })

  it('checks the host of an absolute request target too (a proxy-style request line)', async () => {
    const answer = await send(`http://attacker.example:${emulator.port}/__dev/outbox`, {
      headers: { Host: `127.0.0.1:${emulator.port}` },
    })
    expect(answer.status).toBe(403)
  })
})

describe('simple requests to mutating dev routes', () => {
  it('refuses reset, faults and clock without Origin unless the body is declared JSON', async () => {
    const code = await pendingCode()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await send('/__dev/reset', { method: 'POST', headers: { 'Content-Type': type } })).status).toBe(403)
      expect(
        (await send('/__dev/faults', { method: 'POST', headers: { 'Content-Type': type }, body: '{"kind":"drop"}' }))
          .status,
      ).toBe(403)
      expect(
        (await send('/__dev/clock', { method: 'POST', headers: { 'Content-Type': type }, body: '{"advanceMs":1}' }))
          .status,
      ).toBe(403)
    }
    expect((await send('/__dev/reset', { method: 'POST' })).status).toBe(403)
    expect(emulator.outbox().map((entry) => entry.challenge)).toContain(code)
    expect(emulator.faults.list()).toEqual([])
  })

  it('accepts them with a JSON content type (which no cross-site simple request can carry), or from a page of this machine', async () => {
    const json = { 'Content-Type': 'Application/JSON; charset=utf-8' }
    expect(
      (await send('/__dev/faults', { method: 'POST', headers: json, body: '{"kind":"latency","delayMs":0}' })).status,
    ).toBe(201)
    expect(
      (await send('/__dev/faults', { method: 'DELETE', headers: { Origin: 'http://localhost:6006' } })).status,
    ).toBe(204)
    expect(
      (
        await send('/__dev/reset', {
          method: 'POST',
          headers: { Origin: 'http://127.0.0.1:5173', 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(204)
    expect((await send('/__dev/reset', { method: 'POST', headers: json })).status).toBe(204)
    expect(emulator.outbox()).toEqual([])
  })
})

describe('in-process', () => {
  it('applies the same host rule to the request URL, and devHosts opens it', async () => {
    const foreign = createEmulator()
    expect((await foreign.fetch('http://attacker.example/__dev/outbox')).status).toBe(403)
    expect((await foreign.fetch('http://attacker.example/%5F%5Fdev/outbox')).status).toBe(403)
    expect((await foreign.fetch('http://localhost/__dev/outbox')).status).toBe(200)
    const named = createEmulator({ devHosts: ['ssks.test'] })
    expect((await named.fetch('https://ssks.test/__dev/outbox')).status).toBe(200)
  })
})
