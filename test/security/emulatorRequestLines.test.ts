/**
 * Malformed request lines and headers sent as raw bytes to the Node server (what curl or an
 * attacker's socket can send, and fetch cannot): always a 4xx, never a 5xx, and the server
 * keeps serving.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { email, emulatorClient } from '../emulator/emulatorClient'
import { rawRequest } from './rawHttp'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator({ maxBodyBytes: 4096 })
})
afterAll(() => emulator.close())

const stillServes = async () => {
  const sent = await emulatorClient(emulator).challengeSend({
    user_id: `alive-${Math.random()}`,
    auth_factor: email(),
    create_user: true,
  })
  expect(sent.status).toBe(200)
}

describe('malformed request lines', () => {
  const cases: Array<[string, string]> = [
    ['an asterisk target', 'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['OPTIONS with an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['an empty Host', 'GET /__dev/outbox HTTP/1.1\r\nHost: \r\n'],
    ['a Host with a space', 'GET /__dev/outbox HTTP/1.1\r\nHost: a b\r\n'],
    ['an absolute target with an unclosed IPv6 literal', 'GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['an absolute target with a bad port', 'GET http://127.0.0.1:99999/ HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['a Host with a bad port', 'POST /tmr/front/push/ HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n'],
    ['a Host with a path', 'GET / HTTP/1.1\r\nHost: 127.0.0.1/evil\r\n'],
    ['a Host with user info', 'GET / HTTP/1.1\r\nHost: user@127.0.0.1\r\n'],
    ['a target without a leading slash', 'GET __dev/outbox HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['a backslash in the target', 'GET /\\__dev/outbox HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['an authority-form target', 'CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['an unknown scheme', 'GET ftp://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['an HTTP/1.0 request with no Host', 'GET /__dev/outbox HTTP/1.0\r\n'],
  ]
  for (const [name, head] of cases) {
    it(`answers 4xx, never 5xx, to ${name}`, async () => {
      const answer = await rawRequest(emulator.port, `${head}Connection: close\r\n\r\n`)
      // 0: Node's parser may just close the connection, which is not an error answer either.
      if (answer.status !== 0) expect(answer.status).toBeLessThan(500)
      await stillServes()
    })
  }

  it('answers exactly 400 (not 500) to the request lines the adversarial review found', async () => {
    for (const head of [
      'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'GET / HTTP/1.1\r\nHost: \r\n',
      'GET / HTTP/1.1\r\nHost: a b\r\n',
      'GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    ]) {
      const answer = await rawRequest(emulator.port, `${head}Connection: close\r\n\r\n`)
      expect([JSON.stringify(head), answer.status]).toEqual([JSON.stringify(head), 400])
    }
  })
})

/** Printable ASCII plus the odd bytes request lines are broken with. */
const odd = fc.constantFrom(
  ' ',
  '\t',
  '%',
  '%00',
  '%2F',
  '%5F',
  '..',
  '/',
  '\\',
  '*',
  '?',
  '#',
  '@',
  ':',
  '[',
  ']',
  '\u00ff',
  '\u0000',
  '\r',
  '\n',
)
const token = fc.oneof(
  fc.string({ maxLength: 12 }),
  odd,
  fc.constantFrom('__dev', 'outbox', 'reset', 'tmr', 'front', 'push', 'search', '127.0.0.1', 'localhost', '[::1]'),
)
const fragment = fc.array(token, { maxLength: 8 }).map((parts) => parts.join(''))

const methods = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'CONNECT', 'TRACE'),
  fc.string({ maxLength: 8 }),
)
const targets = fc.oneof(
  fc.constantFrom(...Object.values(PATHS), '/__dev/outbox', '/__dev/reset', '/__dev/faults', '/__dev/clock', '*', ''),
  fragment.map((s) => `/${s}`),
  fragment.map((s) => `http://${s}`),
  fragment,
)
const versions = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', 'http/1.1', '')
const headerNames = fc.oneof(
  fc.constantFrom(
    'Host',
    'Origin',
    'Content-Type',
    'Content-Length',
    'Transfer-Encoding',
    'Expect',
    HEADERS.appId,
    HEADERS.apiKey,
    HEADERS.session,
    'Access-Control-Request-Headers',
  ),
  fragment,
)
const headerValues = fc.oneof(
  fragment,
  fc.constantFrom('application/json', 'chunked', '100-continue', '-1', '99999999999', 'null', 'https://evil.example'),
)
const headers = fc.array(fc.tuple(headerNames, headerValues), { maxLength: 6 })
const bodies = fc.oneof(fc.constant(''), fragment, fc.constant('{"kind":"drop"}'), fc.constant('0\r\n\r\n'))

describe('raw HTTP fuzz', () => {
  it('never answers 5xx nor crashes on random request lines and headers, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        methods,
        targets,
        versions,
        headers,
        fc.boolean(),
        bodies,
        async (method, target, version, extra, withHost, body) => {
          const lines = [`${method} ${target} ${version}`]
          if (withHost) lines.push(`Host: 127.0.0.1:${emulator.port}`)
          for (const [name, value] of extra) lines.push(`${name}: ${value}`)
          lines.push('Connection: close')
          const answer = await rawRequest(emulator.port, `${lines.join('\r\n')}\r\n\r\n${body}`, 3000)
          if (answer.status >= 500)
            throw new Error(`${answer.status} for ${JSON.stringify(lines)}: ${answer.body.slice(0, 200)}`)
        },
      ),
      { numRuns: 400 },
    )
    // The fuzz may have armed a fault through /__dev/faults (a loopback Host and a JSON body).
    emulator.faults.clear()
    await stillServes()
    expect(emulator.requests().some((entry) => entry.status >= 500)).toBe(false)
  })
})
