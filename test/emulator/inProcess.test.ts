/** The in-process fetch handler (no network), the dev routes and log, and the browser-safe entry. */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import { createEmulator } from '../../src/emulator/browser'
import type { Emulator } from '../../src/emulator/types'

// A loopback name: the dev routes answer only under one (or a configured devHost), in-process too.
const BASE = 'http://localhost:4100'

function inProcessClient(emulator: Emulator) {
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    emulator.fetch(
      new Request(BASE + path, {
        method: 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  const front = (session: string) => ({
    [HEADERS.appId]: emulator.appId,
    [HEADERS.session]: session,
    'Content-Type': 'application/json',
  })
  return {
    send: (userId: string, extra: Record<string, unknown> = {}) =>
      post(
        PATHS.challengeSend,
        { [HEADERS.appId]: emulator.appId, [HEADERS.apiKey]: emulator.apiKey },
        {
          user_id: userId,
          auth_factor: { type: 'SMS', value: '+33600000001' },
          create_user: true,
          ...extra,
        },
      ),
    validate: (session: string, challenge: string) => post(PATHS.challengeValidate, front(session), { challenge }),
    push: (session: string, data_b64: string) => post(PATHS.push, front(session), { data_b64 }),
    search: (session: string) => post(PATHS.search, front(session)),
  }
}

describe('createEmulator (in-process)', () => {
  it('runs a whole save and retrieve through fetch(Request), with the given appId and apiKey', async () => {
    const emulator = createEmulator({ appId: '0b8e4e4e-1d5b-4b7a-9c59-0a4c8a0e8f11', apiKey: 'k' })
    expect(emulator.appId).toBe('0b8e4e4e-1d5b-4b7a-9c59-0a4c8a0e8f11')
    expect(emulator.apiKey).toBe('k')
    const ssks = inProcessClient(emulator)
    const first = await (await ssks.send('ana')).json()
    expect((await ssks.push(first.session_id, 'aWQ=')).status).toBe(200)
    const second = await (await ssks.send('ana')).json()
    expect(second.must_authenticate).toBe(true)
    const [sent] = emulator.outbox()
    expect(sent).toMatchObject({
      sessionId: second.session_id,
      userId: 'ana',
      authFactor: { type: 'SMS', value: '+33600000001' },
    })
    const { new_id } = await (await ssks.validate(second.session_id, sent!.challenge)).json()
    expect(await (await ssks.search(new_id)).json()).toEqual({ data_b64: 'aWQ=', authenticated: false })
  })

  it('accepts fetch-style (url, init) calls, so it can be passed as a fetch implementation', async () => {
    const emulator = createEmulator()
    const response = await emulator.fetch(`${BASE}/__dev/outbox`, { method: 'GET' })
    expect(await response.json()).toEqual([])
  })

  it('generates a v4 appId and a random apiKey by default', () => {
    const a = createEmulator()
    const b = createEmulator()
    expect(a.appId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.apiKey).not.toBe(b.apiKey)
    expect(a.apiKey.length).toBeGreaterThanOrEqual(32)
  })

  it('logs method, path, status and a session prefix — never bodies, challenges or whole session ids', async () => {
    const emulator = createEmulator({ fakeOtp: 'always' })
    const ssks = inProcessClient(emulator)
    const { session_id } = await (await ssks.send('bo', { force_auth: true })).json()
    const { new_id } = await (await ssks.validate(session_id, 'aaaaaaaa')).json()
    await ssks.push(new_id, 'U0VDUkVUREFUQQ==')
    await emulator.fetch(new Request(`${BASE}/__dev/outbox`))
    const log = emulator.requests()
    expect(log).toEqual([
      { method: 'POST', path: PATHS.challengeSend, status: 200 },
      { method: 'POST', path: PATHS.challengeValidate, status: 200, session: session_id.slice(0, 8) },
      { method: 'POST', path: PATHS.push, status: 200, session: new_id.slice(0, 8) },
    ])
    const text = JSON.stringify(log)
    for (const secret of ['aaaaaaaa', 'U0VDUkVUREFUQQ==', session_id, new_id, '+33600000001'])
      expect(text).not.toContain(secret)
    const overHttp = await (await emulator.fetch(new Request(`${BASE}/__dev/requests`))).json()
    expect(overHttp).toEqual(log)
  })

  it('reset() and POST /__dev/reset forget everything', async () => {
    const emulator = createEmulator()
    const ssks = inProcessClient(emulator)
    const { session_id } = await (await ssks.send('cy', { force_auth: true })).json()
    emulator.faults.add({ endpoint: 'push', kind: 'latency', delayMs: 5 })
    emulator.clock.advance(1000)
    const before = emulator.clock.now()
    emulator.reset()
    expect(emulator.outbox()).toEqual([])
    expect(emulator.requests()).toEqual([])
    expect(emulator.faults.list()).toEqual([])
    expect(emulator.clock.now()).toBeLessThan(before)
    expect((await ssks.validate(session_id, 'abcdefgh')).status).toBe(404)

    await ssks.send('cy', { force_auth: true })
    expect(
      (
        await emulator.fetch(
          new Request(`${BASE}/__dev/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }),
        )
      ).status,
    ).toBe(204)
    expect(emulator.outbox()).toEqual([])
    const unknownUser = await ssks.send('cy', { create_user: false })
    expect(unknownUser.status).toBe(404)
  })

  it('uses the injected now() for sentAt and expiry', async () => {
    let now = 1_000
    const emulator = createEmulator({ now: () => now, fakeOtp: 'always' })
    const ssks = inProcessClient(emulator)
    const { session_id } = await (await ssks.send('di', { force_auth: true })).json()
    expect(emulator.outbox()[0]!.sentAt).toBe(1_000)
    now += 6 * 3600 * 1000 + 1
    expect((await ssks.validate(session_id, 'aaaaaaaa')).status).toBe(403)
    expect(() => emulator.clock.advance(-1)).toThrow(RangeError)
  })

  it('loads from and saves to a given storage after every change', async () => {
    const saves: unknown[] = []
    const emulator = createEmulator({ storage: { load: () => undefined, save: (snapshot) => saves.push(snapshot) } })
    await inProcessClient(emulator).send('ed')
    expect(saves).toHaveLength(1)
    const restored = createEmulator({ storage: { load: () => saves[0] as never, save: () => undefined } })
    expect(restored.appId).toBe(emulator.appId)
    expect((await inProcessClient(restored).send('ed', { create_user: false })).status).toBe(200)
  })
})

describe('browser entry', () => {
  it('imports nothing from Node (no node:* builtins, no @hono/node-server) in its whole module graph', () => {
    const root = resolve(__dirname, '../../src/emulator/browser.ts')
    const seen = new Set<string>()
    const external: string[] = []
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!
        if (specifier.startsWith('.')) visit(resolveTs(join(dirname(file), specifier)))
        else external.push(specifier)
      }
    }
    visit(root)
    expect(seen.size).toBeGreaterThan(10)
    expect([...new Set(external)].sort()).toEqual(['hono'])
    for (const file of seen) expect(file).not.toMatch(/startEmulator|createFileStorage|runCli|cli\.ts|parseCliArgs/)
  })
})

function resolveTs(path: string): string {
  for (const candidate of [`${path}.ts`, join(path, 'index.ts'), path]) {
    try {
      readFileSync(candidate)
      return candidate
    } catch {
      // try the next form
    }
  }
  throw new Error(`cannot resolve ${path}`)
}
