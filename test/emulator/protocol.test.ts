/**
 * Every status and body of ssks-protocol.md §3–§4 (checklist §10), over real HTTP on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHALLENGE_PATTERN } from '../../src/core/protocol/constants'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { email, emulatorClient, phone } from './emulatorClient'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
let emulator: RunningEmulator
let ssks: ReturnType<typeof emulatorClient>
let printed: string[] = []
let n = 0
const uniqueUser = () => `user-${++n}`

beforeAll(async () => {
  emulator = await startEmulator({ printOutbox: (line) => printed.push(line) })
  ssks = emulatorClient(emulator)
})
afterAll(() => emulator.close())

describe('challenge_send', () => {
  it('creates a user and a session that needs no challenge when nothing is stored', async () => {
    const answer = await ssks.challengeSend({ user_id: uniqueUser(), auth_factor: email(), create_user: true })
    expect(answer.status).toBe(200)
    expect(Object.keys(answer.body).sort()).toEqual(['must_authenticate', 'session_id'])
    expect(answer.body.session_id).toMatch(UUID)
    expect(answer.body.must_authenticate).toBe(false)
  })

  it('answers 404 Not found for an unknown user without create_user, and accepts a known one', async () => {
    const userId = uniqueUser()
    const missing = await ssks.challengeSend({ user_id: userId, auth_factor: email() })
    expect(missing).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
    await ssks.startSession(userId, email())
    const known = await ssks.challengeSend({ user_id: userId, auth_factor: email(), create_user: false })
    expect(known.status).toBe(200)
  })

  it('refuses missing or wrong credentials with 403 and a DRF detail', async () => {
    const body = { user_id: uniqueUser(), auth_factor: email(), create_user: true }
    const noKey = await ssks.challengeSend(body, { 'X-SEALD-APIKEY': '' })
    expect(noKey).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
    const wrongKey = await ssks.challengeSend(body, { 'X-SEALD-APIKEY': 'not-the-key' })
    expect(wrongKey).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
    const wrongApp = await ssks.challengeSend(body, { 'X-SEALD-APPID': '00000000-0000-4000-8000-000000000000' })
    expect(wrongApp).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
    const missing = await fetch(new URL('/tmr/back/challenge_send/', emulator.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(missing.status).toBe(403)
    expect(await missing.json()).toEqual({ detail: 'Authentication credentials were not provided.' })
  })

  it('accepts the appId in upper case (the official plugin sends it verbatim)', async () => {
    const answer = await ssks.challengeSend(
      { user_id: uniqueUser(), auth_factor: email(), create_user: true },
      { 'X-SEALD-APPID': emulator.appId.toUpperCase() },
    )
    expect(answer.status).toBe(200)
  })

  it.each([
    ['no user_id', { auth_factor: email() }, /user_id/],
    ['an empty user_id', { user_id: '', auth_factor: email() }, /user_id/],
    ['a numeric user_id', { user_id: 42, auth_factor: email() }, /user_id/],
    ['no auth_factor', { user_id: 'x' }, /auth_factor/],
    ['an unknown factor type', { user_id: 'x', auth_factor: { type: 'FAX', value: '1' } }, /auth_factor\.type/],
    ['an empty factor value', { user_id: 'x', auth_factor: { type: 'EM', value: '' } }, /value/],
    ['a 1025-char factor value', { user_id: 'x', auth_factor: { type: 'EM', value: 'a'.repeat(1025) } }, /value/],
    ['auth_factor as a string', { user_id: 'x', auth_factor: 'a@b.c' }, /auth_factor/],
    ['create_user as a string', { user_id: 'x', auth_factor: email(), create_user: 'yes' }, /create_user/],
    ['force_auth as a number', { user_id: 'x', auth_factor: email(), force_auth: 1 }, /force_auth/],
    ['template as an object', { user_id: 'x', auth_factor: email(), template: {} }, /template/],
  ])('answers 400 with a detail naming the field for %s', async (_, body, field) => {
    const answer = await ssks.challengeSend({ create_user: true, ...body })
    expect(answer.status).toBe(400)
    expect(answer.body.detail).toMatch(field)
  })

  it('accepts the legacy `email` field as an EM factor, and template / template_id', async () => {
    const userId = uniqueUser()
    const answer = await ssks.challengeSend({
      user_id: userId,
      email: 'legacy@example.com',
      create_user: true,
      template: '<p>$$OTP$$</p>',
      template_id: '3f1c',
    })
    expect(answer.status).toBe(200)
    const pushed = await ssks.push(answer.body.session_id, { data_b64: 'bGVnYWN5' })
    expect(pushed.status).toBe(200)
    const again = await ssks.challengeSend({ user_id: userId, auth_factor: email('legacy@example.com') })
    expect(again.body.must_authenticate).toBe(true)
  })

  it('says must_authenticate once an identity is stored for the factor, and only for that factor', async () => {
    const userId = uniqueUser()
    const first = await ssks.startSession(userId, email())
    expect(first.mustAuthenticate).toBe(false)
    expect((await ssks.push(first.sessionId, { data_b64: 'AAAA' })).status).toBe(200)
    const second = await ssks.challengeSend({ user_id: userId, auth_factor: email() })
    expect(second.body.must_authenticate).toBe(true)
    const otherFactor = await ssks.challengeSend({ user_id: userId, auth_factor: email('other@example.com') })
    expect(otherFactor.body.must_authenticate).toBe(false)
    const sameValueOtherType = await ssks.challengeSend({
      user_id: userId,
      auth_factor: { type: 'SMS', value: 'alice@example.com' },
    })
    expect(sameValueOtherType.body.must_authenticate).toBe(false)
  })

  it('compares emails after NFKC, space removal and lower-casing, and phone numbers trimmed', async () => {
    const userId = uniqueUser()
    const mail = await ssks.startSession(userId, email('Bob@Example.com'))
    await ssks.push(mail.sessionId, { data_b64: 'AAAA' })
    const variant = await ssks.challengeSend({ user_id: userId, auth_factor: email(' bob @ＥＸＡＭＰＬＥ.com ') })
    expect(variant.body.must_authenticate).toBe(true)

    const sms = await ssks.startSession(userId, phone('+33611111111'))
    await ssks.push(sms.sessionId, { data_b64: 'AAAA' })
    expect(
      (await ssks.challengeSend({ user_id: userId, auth_factor: phone('  +33611111111 ') })).body.must_authenticate,
    ).toBe(true)
    expect(
      (await ssks.challengeSend({ user_id: userId, auth_factor: phone('+33 611111111') })).body.must_authenticate,
    ).toBe(false)
  })

  it('forces a challenge with force_auth, sends it to the outbox and prints it', async () => {
    const userId = uniqueUser()
    printed = []
    const before = Date.now()
    const started = await ssks.startSession(userId, email('carol@example.com'), { force_auth: true })
    expect(started.mustAuthenticate).toBe(true)
    const entry = (await ssks.outbox()).find((e) => e.sessionId === started.sessionId)
    expect(entry).toEqual({
      sessionId: started.sessionId,
      userId,
      authFactor: { type: 'EM', value: 'carol@example.com' },
      challenge: expect.stringMatching(CHALLENGE_PATTERN),
      sentAt: expect.any(Number),
    })
    expect((entry as any).sentAt).toBeGreaterThanOrEqual(before)
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain(started.challenge)
    expect(printed[0]).toContain('carol@example.com')
  })

  it('sends nothing when no challenge is needed, but keeps the outbox oldest first', async () => {
    const before = (await ssks.outbox()).length
    await ssks.startSession(uniqueUser(), email())
    expect((await ssks.outbox()).length).toBe(before)
    const a = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const b = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const ids = (await ssks.outbox()).map((e) => e.sessionId)
    expect(ids.slice(-2)).toEqual([a.sessionId, b.sessionId])
  })

  it('draws challenges from the alphabet, differently each time', async () => {
    const challenges = new Set<string>()
    for (let i = 0; i < 20; i++)
      challenges.add((await ssks.startSession(uniqueUser(), email(), { force_auth: true })).challenge!)
    expect(challenges.size).toBe(20)
    for (const challenge of challenges) expect(challenge).toMatch(CHALLENGE_PATTERN)
  })

  it('uses aaaaaaaa with fake_otp', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true, fake_otp: true })
    expect(started.challenge).toBe('aaaaaaaa')
    expect((await ssks.validate(started.sessionId, { challenge: 'aaaaaaaa', auth_factor: email() })).status).toBe(200)
  })

  it('accepts a validation of a session that needed no challenge, with its generated challenge (fake_otp)', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { fake_otp: true })
    expect(started.mustAuthenticate).toBe(false)
    expect((await ssks.validate(started.sessionId, { challenge: 'aaaaaaaa', auth_factor: email() })).status).toBe(200)
  })
})

describe('challenge_send options', () => {
  it('refuses fake_otp with 400 when fakeOtp is false, and forces aaaaaaaa when it is "always"', async () => {
    const production = await startEmulator({ fakeOtp: false })
    const always = await startEmulator({ fakeOtp: 'always' })
    try {
      const refused = await emulatorClient(production).challengeSend({
        user_id: 'u',
        auth_factor: email(),
        create_user: true,
        fake_otp: true,
      })
      expect(refused.status).toBe(400)
      expect(refused.body.detail).toMatch(/fake_otp/)
      const started = await emulatorClient(always).startSession('u', email(), { force_auth: true })
      expect(started.challenge).toBe('aaaaaaaa')
    } finally {
      await production.close()
      await always.close()
    }
  })

  it('answers 406 SMSQuotaFailed once the SMS quota is used, for SMS only', async () => {
    const quota = await startEmulator({ smsQuota: 1 })
    const client = emulatorClient(quota)
    try {
      // No SMS is sent when no challenge is needed: that does not use the quota.
      expect((await client.startSession('u1', phone())).mustAuthenticate).toBe(false)
      expect((await client.startSession('u1', phone(), { force_auth: true })).mustAuthenticate).toBe(true)
      const over = await client.challengeSend({
        user_id: 'u2',
        auth_factor: phone(),
        create_user: true,
        force_auth: true,
      })
      expect(over).toMatchObject({ status: 406, body: { detail: 'SMSQuotaFailed' } })
      const mail = await client.challengeSend({
        user_id: 'u2',
        auth_factor: email(),
        create_user: true,
        force_auth: true,
      })
      expect(mail.status).toBe(200)
    } finally {
      await quota.close()
    }
  })
})

describe('challenge_validate', () => {
  it('answers 400 for an empty, missing or non-string challenge, even with an unknown session', async () => {
    const empty = await ssks.validate('no-such-session', { challenge: '', auth_factor: email() })
    expect(empty.status).toBe(400)
    expect(empty.body.detail).toMatch(/challenge/)
    expect((await ssks.validate('no-such-session', { auth_factor: email() })).status).toBe(400)
    expect((await ssks.validate('no-such-session', { challenge: 12345678 })).status).toBe(400)
    expect((await ssks.validate('no-such-session', { challenge: null })).status).toBe(400)
  })

  it('answers 404 Not found for an unknown, empty or missing session', async () => {
    for (const session of ['7b0e2d8c-0000-4000-8000-000000000000', '', undefined]) {
      const answer = await ssks.validate(session, { challenge: 'abcdefgh', auth_factor: email() })
      expect(answer).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
    }
  })

  it('answers 403 with the exact detail the official plugin matches for a wrong code', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const wrong = started.challenge === 'abcdefgh' ? 'abcdefgj' : 'abcdefgh'
    const answer = await ssks.validate(started.sessionId, { challenge: wrong, auth_factor: email() })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({ detail: 'Incorrect authentication credentials.' })
  })

  it('answers 403 when the auth factor is not the session one', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const answer = await ssks.validate(started.sessionId, {
      challenge: started.challenge,
      auth_factor: email('mallory@example.com'),
    })
    expect(answer).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
  })

  it('answers a new validated session id; the old one can still be validated (a lost answer can be retried)', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const first = await ssks.validate(started.sessionId, { challenge: started.challenge, auth_factor: email() })
    expect(first.status).toBe(200)
    expect(Object.keys(first.body)).toEqual(['new_id'])
    expect(first.body.new_id).toMatch(UUID)
    expect(first.body.new_id).not.toBe(started.sessionId)
    const again = await ssks.validate(started.sessionId, { challenge: started.challenge })
    expect(again.status).toBe(200)
    expect(again.body.new_id).not.toBe(first.body.new_id)
  })

  it('checks X-SEALD-APPID on front-end calls (403)', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const wrongApp = await ssks.validate(
      started.sessionId,
      { challenge: started.challenge },
      { 'X-SEALD-APPID': 'someone-else' },
    )
    expect(wrongApp).toMatchObject({ status: 403, body: { detail: 'Incorrect authentication credentials.' } })
  })
})

describe('push', () => {
  it('stores through a session that needed no challenge, unauthenticated, and answers the id', async () => {
    const userId = uniqueUser()
    const started = await ssks.startSession(userId, email())
    const pushed = await ssks.push(started.sessionId, { data_b64: 'coucou', auth_factor: email() })
    expect(pushed.status).toBe(200)
    expect(Object.keys(pushed.body)).toEqual(['id'])
    expect(pushed.body.id).toMatch(UUID)
    const found = await ssks.search(await ssks.validatedSession(userId, email()))
    expect(found).toMatchObject({ status: 200, body: { data_b64: 'coucou', authenticated: false } })
  })

  it('keeps the id when pushing again, and marks pushes through validated sessions authenticated', async () => {
    const userId = uniqueUser()
    const started = await ssks.startSession(userId, email())
    const first = await ssks.push(started.sessionId, { data_b64: 'one' })
    const validated = await ssks.validatedSession(userId, email())
    const second = await ssks.push(validated, { data_b64: 'two', auth_factor: email() })
    expect(second.body.id).toBe(first.body.id)
    const found = await ssks.search(validated)
    expect(found.body).toEqual({ data_b64: 'two', authenticated: true })
  })

  it('refuses an un-validated session when a challenge was required (403)', async () => {
    const started = await ssks.startSession(uniqueUser(), email(), { force_auth: true })
    const answer = await ssks.push(started.sessionId, { data_b64: 'x' })
    expect(answer.status).toBe(403)
    expect(answer.body.detail).toEqual(expect.any(String))
  })

  it('answers 404 for an unknown session and 400 for a missing or non-string data_b64', async () => {
    expect(await ssks.push('unknown', { data_b64: 'x' })).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
    expect(await ssks.push(undefined, { data_b64: 'x' })).toMatchObject({ status: 404 })
    const started = await ssks.startSession(uniqueUser(), email())
    expect((await ssks.push(started.sessionId, {})).status).toBe(400)
    expect((await ssks.push(started.sessionId, { data_b64: 5 })).status).toBe(400)
    expect((await ssks.push(started.sessionId, { data_b64: 'x', auth_factor: { type: 'EM' } })).status).toBe(400)
  })

  it('refuses an auth_factor that is not the session one (403)', async () => {
    const started = await ssks.startSession(uniqueUser(), email())
    const answer = await ssks.push(started.sessionId, { data_b64: 'x', auth_factor: phone() })
    expect(answer.status).toBe(403)
  })
})

describe('search', () => {
  it('answers 404 with model TMRKey when nothing is stored for the user and factor', async () => {
    const answer = await ssks.search(await ssks.validatedSession(uniqueUser(), email()))
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual({ detail: 'Not found.', model: 'TMRKey' })
  })

  it('answers 404 TMRKey for the same user with another factor', async () => {
    const userId = uniqueUser()
    const started = await ssks.startSession(userId, email())
    await ssks.push(started.sessionId, { data_b64: 'x' })
    const other = await ssks.search(await ssks.validatedSession(userId, email('other@example.com')))
    expect(other).toMatchObject({ status: 404, body: { model: 'TMRKey' } })
  })

  it('answers 404 for an unknown session and 403 for an un-validated one', async () => {
    expect(await ssks.search('nope')).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
    const started = await ssks.startSession(uniqueUser(), email())
    expect((await ssks.search(started.sessionId)).status).toBe(403)
  })

  it('ignores a body and always answers a boolean authenticated', async () => {
    const userId = uniqueUser()
    const started = await ssks.startSession(userId, email())
    await ssks.push(started.sessionId, { data_b64: 'ZGF0YQ==' })
    const validated = await ssks.validatedSession(userId, email())
    const answer = await fetch(new URL('/tmr/front/search/', emulator.url), {
      method: 'POST',
      headers: { 'X-SEALD-APPID': emulator.appId, 'X-SEALD-SESSION': validated, 'Content-Type': 'application/json' },
      body: '{not json',
    })
    expect(answer.status).toBe(200)
    const body = await answer.json()
    expect(body).toEqual({ data_b64: 'ZGF0YQ==', authenticated: false })
    expect(typeof body.authenticated).toBe('boolean')
  })
})

describe('get_factor_token', () => {
  it('answers a three-part JWT on a validated session, repeatedly', async () => {
    const userId = uniqueUser()
    const validated = await ssks.validatedSession(userId, email())
    const tokens: string[] = []
    for (let i = 0; i < 2; i++) {
      const answer = await ssks.factorToken(validated, {
        auth_factor_type: 'EM',
        auth_factor_value: 'alice@example.com',
      })
      expect(answer.status).toBe(200)
      expect(Object.keys(answer.body)).toEqual(['factor_token'])
      tokens.push(answer.body.factor_token)
    }
    for (const token of tokens) {
      const parts = token.split('.')
      expect(parts).toHaveLength(3)
      for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/)
      const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
      expect(payload).toMatchObject({ sub: userId, app_id: emulator.appId, auth_factor_type: 'EM' })
      expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'))).toEqual({ alg: 'HS256', typ: 'JWT' })
    }
    expect(tokens[0]).not.toBe(tokens[1])
  })

  it('answers 403 un-validated or for another factor, 404 unknown session, 400 for a bad body', async () => {
    const started = await ssks.startSession(uniqueUser(), email())
    const body = { auth_factor_type: 'EM', auth_factor_value: 'alice@example.com' }
    expect((await ssks.factorToken(started.sessionId, body)).status).toBe(403)
    expect((await ssks.factorToken('nope', body)).status).toBe(404)
    const validated = await ssks.validatedSession(uniqueUser(), email())
    expect(
      (await ssks.factorToken(validated, { auth_factor_type: 'SMS', auth_factor_value: '+33600000000' })).status,
    ).toBe(403)
    expect((await ssks.factorToken(validated, { auth_factor: email() })).status).toBe(400)
    expect((await ssks.factorToken(validated, { auth_factor_type: 'EM' })).status).toBe(400)
  })
})
