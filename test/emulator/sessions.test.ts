/**
 * Session lifecycle over real HTTP: the official plugin's flows (protocol §8 A–D), challenge
 * expiry with the injected clock, the wrong-code limit, and one session chain per user.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CHALLENGE_VALIDITY_MS } from '../../src/core/protocol/constants'
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../src/emulator/index'
import { call, email, emulatorClient } from './emulatorClient'

let running: RunningEmulator[] = []
async function start(options: StartEmulatorOptions = {}) {
  const emulator = await startEmulator(options)
  running.push(emulator)
  return { emulator, ssks: emulatorClient(emulator) }
}
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()))
  running = []
})

const wrongCode = (challenge: string | undefined) => (challenge === 'abcdefgh' ? 'abcdefgj' : 'abcdefgh')

describe('the official plugin flows', () => {
  it('A–D: save without challenge, retrieve with renewal, save with challenge, retrieve authenticated', async () => {
    const { ssks } = await start()
    // A. save without challenge
    const a = await ssks.startSession('alice', email())
    expect(a.mustAuthenticate).toBe(false)
    const stored = await ssks.push(a.sessionId, { data_b64: 'djE=', auth_factor: email() })
    expect(stored.status).toBe(200)

    // D. retrieve: not authenticated → the client renews and pushes on the same validated session
    const d = await ssks.startSession('alice', email())
    expect(d.mustAuthenticate).toBe(true)
    const validated = await ssks.validate(d.sessionId, { challenge: d.challenge, auth_factor: email() })
    const newId = validated.body.new_id
    expect(await ssks.search(newId)).toMatchObject({ status: 200, body: { data_b64: 'djE=', authenticated: false } })
    const renewed = await ssks.push(newId, { data_b64: 'djI=', auth_factor: email() })
    expect(renewed.body.id).toBe(stored.body.id)

    // C. retrieve again: authenticated now, so no renewal
    const c = await ssks.validatedSession('alice', email())
    expect((await ssks.search(c)).body).toEqual({ data_b64: 'djI=', authenticated: true })

    // B. save with challenge (first save for another factor, forced)
    const b = await ssks.startSession('alice', email('alice@work.example'), { force_auth: true })
    const bId = (await ssks.validate(b.sessionId, { challenge: b.challenge, auth_factor: email('alice@work.example') }))
      .body.new_id
    expect((await ssks.push(bId, { data_b64: 'Yg==' })).status).toBe(200)
    expect((await ssks.search(bId)).body).toEqual({ data_b64: 'Yg==', authenticated: true })
  })

  it('lets one validated session do several operations (push, search, push, factor token)', async () => {
    const { ssks } = await start()
    const id = await ssks.validatedSession('bob', email())
    expect((await ssks.push(id, { data_b64: '1' })).status).toBe(200)
    expect((await ssks.search(id)).body.data_b64).toBe('1')
    expect((await ssks.push(id, { data_b64: '2' })).status).toBe(200)
    expect((await ssks.search(id)).body.data_b64).toBe('2')
    expect(
      (await ssks.factorToken(id, { auth_factor_type: 'EM', auth_factor_value: 'alice@example.com' })).status,
    ).toBe(200)
  })
})

describe('challenge expiry (6 h, injected clock)', () => {
  it('accepts the code up to 6 h after it was sent and refuses it with 403 after', async () => {
    let now = Date.UTC(2030, 0, 1)
    const { ssks } = await start({ now: () => now })
    const started = await ssks.startSession('carol', email(), { force_auth: true })
    now += CHALLENGE_VALIDITY_MS
    expect((await ssks.validate(started.sessionId, { challenge: started.challenge })).status).toBe(200)
    now += 1
    const late = await ssks.validate(started.sessionId, { challenge: started.challenge })
    expect(late).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
  })

  it('moves with clock.advance and POST /__dev/clock', async () => {
    const { emulator, ssks } = await start()
    const viaApi = await ssks.startSession('dave', email(), { force_auth: true })
    emulator.clock.advance(CHALLENGE_VALIDITY_MS + 1)
    expect((await ssks.validate(viaApi.sessionId, { challenge: viaApi.challenge })).status).toBe(403)

    const viaHttp = await ssks.startSession('erin', email(), { force_auth: true })
    const before = emulator.clock.now()
    const moved = await call(new URL('/__dev/clock', emulator.url).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: CHALLENGE_VALIDITY_MS + 1 }),
    })
    expect(moved.status).toBe(200)
    expect(moved.body.now).toBeGreaterThanOrEqual(before + CHALLENGE_VALIDITY_MS + 1)
    expect(moved.body.now).toBeLessThanOrEqual(emulator.clock.now())
    expect((await ssks.validate(viaHttp.sessionId, { challenge: viaHttp.challenge })).status).toBe(403)
    expect(
      (
        await call(new URL('/__dev/clock', emulator.url).href, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"advanceMs":-1}',
        })
      ).status,
    ).toBe(400)
  })
})

describe('wrong-code limit', () => {
  it('burns the session after 5 wrong codes: then 429 even with the right code, on every endpoint', async () => {
    const { ssks } = await start()
    const started = await ssks.startSession('frank', email(), { force_auth: true })
    for (let i = 0; i < 5; i++) {
      const answer = await ssks.validate(started.sessionId, { challenge: wrongCode(started.challenge) })
      expect(answer.status).toBe(403)
    }
    const locked = await ssks.validate(started.sessionId, { challenge: started.challenge })
    expect(locked.status).toBe(429)
    expect(locked.body.detail).toEqual(expect.any(String))
    expect((await ssks.push(started.sessionId, { data_b64: 'x' })).status).toBe(429)
    expect((await ssks.search(started.sessionId)).status).toBe(429)
    // A new session works again.
    expect((await ssks.validatedSession('frank', email())).length).toBeGreaterThan(0)
  })

  it('takes its limit from maxWrongChallenges, and counts an expired code as wrong', async () => {
    const { emulator, ssks } = await start({ maxWrongChallenges: 2 })
    const started = await ssks.startSession('gina', email(), { force_auth: true })
    expect((await ssks.validate(started.sessionId, { challenge: wrongCode(started.challenge) })).status).toBe(403)
    emulator.clock.advance(CHALLENGE_VALIDITY_MS + 1)
    expect((await ssks.validate(started.sessionId, { challenge: started.challenge })).status).toBe(403)
    expect((await ssks.validate(started.sessionId, { challenge: started.challenge })).status).toBe(429)
  })

  it('does not count a right code, nor a 400 body', async () => {
    const { ssks } = await start({ maxWrongChallenges: 1 })
    const started = await ssks.startSession('hank', email(), { force_auth: true })
    expect((await ssks.validate(started.sessionId, { challenge: '' })).status).toBe(400)
    expect((await ssks.validate(started.sessionId, { challenge: started.challenge })).status).toBe(200)
    expect((await ssks.validate(started.sessionId, { challenge: started.challenge })).status).toBe(200)
  })
})

describe('one session chain per user', () => {
  it('ends the older sessions of a user (validated ones too) on a new challenge_send, and no one else’s', async () => {
    const { ssks } = await start()
    const old = await ssks.startSession('ivan', email(), { force_auth: true })
    const oldValidated = (await ssks.validate(old.sessionId, { challenge: old.challenge })).body.new_id
    const other = await ssks.startSession('judy', email(), { force_auth: true })
    const fresh = await ssks.startSession('ivan', email(), { force_auth: true })

    expect(await ssks.validate(old.sessionId, { challenge: old.challenge })).toMatchObject({ status: 404 })
    expect(await ssks.search(oldValidated)).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
    expect((await ssks.validate(fresh.sessionId, { challenge: fresh.challenge })).status).toBe(200)
    expect((await ssks.validate(other.sessionId, { challenge: other.challenge })).status).toBe(200)
  })

  it('keeps them with singleSessionPerUser: false', async () => {
    const { ssks } = await start({ singleSessionPerUser: false })
    const old = await ssks.startSession('kate', email(), { force_auth: true })
    await ssks.startSession('kate', email(), { force_auth: true })
    expect((await ssks.validate(old.sessionId, { challenge: old.challenge })).status).toBe(200)
  })

  it('does not end sessions when challenge_send is refused', async () => {
    const { ssks } = await start({ smsQuota: 0 })
    const old = await ssks.startSession('leo', email(), { force_auth: true })
    const refused = await ssks.challengeSend({
      user_id: 'leo',
      auth_factor: { type: 'SMS', value: '+33611111111' },
      force_auth: true,
    })
    expect(refused.status).toBe(406)
    expect((await ssks.validate(old.sessionId, { challenge: old.challenge })).status).toBe(200)
  })
})
