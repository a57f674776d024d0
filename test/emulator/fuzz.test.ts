/**
 * Property-based fuzz (fast-check) of paths, methods, headers and bodies: the emulator never
 * answers 5xx, always answers JSON (or an empty 204), and still serves a normal call afterwards.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { email, emulatorClient } from './emulatorClient'

const paths = fc.oneof(
  fc.constantFrom(...Object.values(PATHS), '/__dev/outbox', '/__dev/faults', '/__dev/clock', '/__dev/requests'),
  fc.constantFrom(...Object.values(PATHS)).map((p) => p.slice(0, -1)),
  fc.webPath(),
  fc.string().map((s) => `/${encodeURIComponent(s)}`),
)
const methods = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')

const authFactors = fc.oneof(
  fc.record(
    { type: fc.constantFrom('EM', 'SMS', 'em', 'X'), value: fc.oneof(fc.string(), fc.emailAddress(), fc.integer()) },
    { requiredKeys: [] },
  ),
  fc.anything(),
)
/** Bodies shaped like SSKS bodies with wrong or odd values, plus anything JSON, plus raw text. */
const jsonBodies = fc.oneof(
  fc
    .record(
      {
        user_id: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()),
        auth_factor: authFactors,
        create_user: fc.oneof(fc.boolean(), fc.anything()),
        force_auth: fc.oneof(fc.boolean(), fc.anything()),
        fake_otp: fc.oneof(fc.boolean(), fc.anything()),
        email: fc.oneof(fc.string(), fc.anything()),
        challenge: fc.oneof(fc.string({ minLength: 8, maxLength: 8 }), fc.anything()),
        data_b64: fc.oneof(fc.base64String(), fc.anything()),
        auth_factor_type: fc.oneof(fc.constantFrom('EM', 'SMS'), fc.anything()),
        auth_factor_value: fc.oneof(fc.string(), fc.anything()),
        advanceMs: fc.oneof(fc.double(), fc.anything()),
        kind: fc.oneof(fc.constantFrom('latency', 'status'), fc.anything()),
        endpoint: fc.anything(),
        status: fc.anything(),
        ['__proto__' as string]: fc.anything(),
        toString: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constant('{"a":' + '['.repeat(5000)),
  fc.constant(''),
)
const bodies = fc.oneof(jsonBodies, fc.uint8Array({ maxLength: 200 }))

const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim())
const headerSets = (appId: string, apiKey: string) =>
  fc.record(
    {
      [HEADERS.appId]: fc.oneof(fc.constant(appId), fc.constant(appId.toUpperCase()), headerValue),
      [HEADERS.apiKey]: fc.oneof(fc.constant(apiKey), headerValue),
      [HEADERS.session]: headerValue,
      [HEADERS.version]: headerValue,
      'Content-Type': fc.oneof(
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', ''),
        headerValue,
      ),
      'Content-Length-Ish': headerValue,
      'Access-Control-Request-Headers': headerValue,
      Origin: headerValue,
    },
    { requiredKeys: [] },
  )

/**
 * Mostly well-addressed calls (POST to an SSKS path with the right credentials) so random bodies
 * get past the header checks into the body and state code, plus fully random ones.
 */
function requestArbitrary(appId: string, apiKey: string) {
  const wellAddressed = fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom(...Object.values(PATHS)),
    headers: fc.record({
      [HEADERS.appId]: fc.constant(appId),
      [HEADERS.apiKey]: fc.constant(apiKey),
      [HEADERS.session]: headerValue,
      'Content-Type': fc.constantFrom('application/json', 'text/plain'),
    }),
    body: bodies,
  })
  const anything = fc.record({ method: methods, path: paths, headers: headerSets(appId, apiKey), body: bodies })
  return fc.oneof({ weight: 3, arbitrary: wellAddressed }, { weight: 1, arbitrary: anything })
}

type Sample = { method: string; path: string; headers: Record<string, string>; body: string | Uint8Array }
const toInit = (sample: Sample): RequestInit => ({
  method: sample.method,
  headers: sample.headers,
  body: sample.method === 'GET' || sample.method === 'OPTIONS' ? undefined : (sample.body as BodyInit),
})

async function expectWellFormed(response: Response): Promise<void> {
  expect(response.status).toBeGreaterThanOrEqual(200)
  expect(response.status).toBeLessThan(500)
  const text = await response.text()
  if (response.status === 204) expect(text).toBe('')
  else expect(() => JSON.parse(text)).not.toThrow()
}

describe('fuzz over HTTP', () => {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ maxBodyBytes: 4096 })
  })
  afterAll(() => emulator.close())

  it('never answers 5xx nor crashes, and still works afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(emulator.appId, emulator.apiKey), async (sample) => {
        // Concatenated, not resolved: `//x` must stay a path, not become a host.
        await expectWellFormed(await fetch(emulator.url.slice(0, -1) + sample.path, toInit(sample)))
      }),
      { numRuns: 400 },
    )
    // Sessions made by the fuzz itself: real ids in the header with random bodies.
    const ssks = emulatorClient(emulator)
    const validated = await ssks.validatedSession('fuzz-user', email())
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(PATHS.challengeValidate, PATHS.push, PATHS.search, PATHS.getFactorToken),
        jsonBodies,
        async (path, body) => {
          const response = await fetch(new URL(path, emulator.url), {
            method: 'POST',
            headers: {
              [HEADERS.appId]: emulator.appId,
              [HEADERS.session]: validated,
              'Content-Type': 'application/json',
            },
            body,
          })
          await expectWellFormed(response)
        },
      ),
      { numRuns: 200 },
    )
    const after = await ssks.challengeSend({ user_id: 'still-alive', auth_factor: email(), create_user: true })
    expect(after.status).toBe(200)
    expect(emulator.requests().some((r) => r.status >= 500)).toBe(false)
  })
})

describe('fuzz in-process', () => {
  it('never answers 5xx nor rejects', async () => {
    const emulator = createEmulator({ maxBodyBytes: 4096 })
    await fc.assert(
      fc.asyncProperty(requestArbitrary(emulator.appId, emulator.apiKey), async (sample) => {
        await expectWellFormed(await emulator.fetch(new Request('http://fuzz.test' + sample.path, toInit(sample))))
      }),
      { numRuns: 1000 },
    )
  })
})
