/**
 * Nothing an app (or an attacker with one code) does makes the emulator grow without bound:
 * sessions have a lifetime and are collected, a user holds a bounded number of sessions, the
 * outbox keeps only the latest codes.
 */
import { describe, expect, it } from 'vitest'
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import { createEmulator } from '../../src/emulator/index'
import type { EmulatorOptions, EmulatorSnapshot } from '../../src/emulator/types'

const BASE = 'http://localhost'
const HOUR = 3_600_000

/** An in-process emulator whose saved snapshots show what it keeps. */
function observed(options: EmulatorOptions = {}) {
  let last: EmulatorSnapshot | undefined
  const emulator = createEmulator({
    ...options,
    storage: { load: () => undefined, save: (snapshot) => void (last = snapshot) },
  })
  const post = async (path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await emulator.fetch(
      new Request(BASE + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    return { status: response.status, body: await response.json().catch(() => null) }
  }
  const back = { [HEADERS.appId]: emulator.appId, [HEADERS.apiKey]: emulator.apiKey }
  const front = (session: string) => ({ [HEADERS.appId]: emulator.appId, [HEADERS.session]: session })
  return {
    emulator,
    kept: () => last!,
    send: (userId: string) =>
      post(PATHS.challengeSend, back, {
        user_id: userId,
        auth_factor: { type: 'EM', value: `${userId}@example.com` },
        create_user: true,
        force_auth: true,
      }),
    validate: (session: string, challenge: string) => post(PATHS.challengeValidate, front(session), { challenge }),
    search: (session: string) => post(PATHS.search, front(session)),
    push: (session: string) => post(PATHS.push, front(session), { data_b64: 'eA==' }),
  }
}

describe('sessions', () => {
  it('keeps at most maxSessionsPerUser sessions when one code is validated 3,000 times (the oldest end)', async () => {
    const ssks = observed()
    const { session_id } = (await ssks.send('ana')).body
    const challenge = ssks.emulator.outbox().at(-1)!.challenge
    const ids: string[] = []
    for (let i = 0; i < 3000; i++) ids.push((await ssks.validate(session_id, challenge)).body.new_id)
    expect(ssks.kept().sessions.length).toBeLessThanOrEqual(20)
    // The latest validated session works, the first one was ended.
    expect((await ssks.push(ids.at(-1)!)).status).toBe(200)
    expect((await ssks.search(ids[0]!)).status).toBe(404)
  })

  it('takes the cap from maxSessionsPerUser', async () => {
    const ssks = observed({ maxSessionsPerUser: 3 })
    const { session_id } = (await ssks.send('bob')).body
    const challenge = ssks.emulator.outbox().at(-1)!.challenge
    for (let i = 0; i < 10; i++) await ssks.validate(session_id, challenge)
    expect(ssks.kept().sessions.filter((session) => session.userId === 'bob')).toHaveLength(3)
  })

  it('ends a validated session after validatedSessionLifetimeMs (1 h by default) and collects it', async () => {
    const ssks = observed()
    const { session_id } = (await ssks.send('carl')).body
    const { new_id } = (await ssks.validate(session_id, ssks.emulator.outbox().at(-1)!.challenge)).body
    ssks.emulator.clock.advance(HOUR - 1000)
    expect((await ssks.push(new_id)).status).toBe(200)
    ssks.emulator.clock.advance(2000)
    expect((await ssks.search(new_id)).status).toBe(404)
    await ssks.send('someone-else')
    expect(ssks.kept().sessions.map((session) => session.id)).not.toContain(new_id)
  })

  it('ends an unvalidated session after sessionLifetimeMs (24 h by default) and collects it; the 6 h code expiry still answers 403 before', async () => {
    const ssks = observed()
    const { session_id } = (await ssks.send('dora')).body
    const challenge = ssks.emulator.outbox().at(-1)!.challenge
    ssks.emulator.clock.advance(7 * HOUR)
    expect((await ssks.validate(session_id, challenge)).status).toBe(403)
    ssks.emulator.clock.advance(17 * HOUR + 1000)
    expect((await ssks.validate(session_id, challenge)).status).toBe(404)
    await ssks.send('someone-else')
    expect(ssks.kept().sessions.map((session) => session.id)).not.toContain(session_id)
  })

  it('collects expired sessions of every user, not only of the one calling', async () => {
    const ssks = observed({ validatedSessionLifetimeMs: 1000, sessionLifetimeMs: 1000, singleSessionPerUser: false })
    for (let i = 0; i < 50; i++) await ssks.send(`user-${i}`)
    expect(ssks.kept().sessions).toHaveLength(50)
    ssks.emulator.clock.advance(1001)
    await ssks.send('last')
    expect(ssks.kept().sessions).toHaveLength(1)
  })
})

describe('outbox', () => {
  it('keeps the latest outboxLimit codes (1,000 by default), dropping the oldest', async () => {
    const ssks = observed()
    for (let i = 0; i < 1005; i++) await ssks.send(`user-${i}`)
    const outbox = ssks.emulator.outbox()
    expect(outbox).toHaveLength(1000)
    expect(outbox[0]!.userId).toBe('user-5')
    expect(outbox.at(-1)!.userId).toBe('user-1004')
    expect(ssks.kept().outbox).toHaveLength(1000)
  })

  it('takes its size from outboxLimit', async () => {
    const ssks = observed({ outboxLimit: 2 })
    for (let i = 0; i < 5; i++) await ssks.send(`user-${i}`)
    expect(ssks.emulator.outbox().map((entry) => entry.userId)).toEqual(['user-3', 'user-4'])
  })
})
