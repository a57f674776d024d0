/**
 * Wrong codes are limited per user across sessions: starting a new session does not bring a
 * fresh set of guesses.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type StartEmulatorOptions } from '../../src/emulator/index'
import { email, emulatorClient } from '../emulator/emulatorClient'

const wrong = (code: string) => (code === 'bbbbbbbb' ? 'cccccccc' : 'bbbbbbbb')

const running: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
})

async function start(options: StartEmulatorOptions = {}) {
  const emulator = await startEmulator(options)
  running.push(emulator)
  return { emulator, ssks: emulatorClient(emulator) }
}

describe('wrong codes per user', () => {
  it('answers 429 within 40 sessions of 4 wrong codes each (160 guesses), by default after 10 in an hour', async () => {
    const env = await start()
    const statuses: number[] = []
    for (let s = 0; s < 40; s++) {
      const started = await env.ssks.startSession('mallory-target', email(), { force_auth: true })
      for (let i = 0; i < 4; i++)
        statuses.push((await env.ssks.validate(started.sessionId, { challenge: wrong(started.challenge!) })).status)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403))
    expect(statuses.slice(10)).toEqual(Array(150).fill(429))
  })

  it('refuses even the right code while the user is limited, in a new session too', async () => {
    const env = await start({ maxWrongChallengesPerUser: 3 })
    for (let s = 0; s < 3; s++) {
      const started = await env.ssks.startSession('olga', email(), { force_auth: true })
      expect((await env.ssks.validate(started.sessionId, { challenge: wrong(started.challenge!) })).status).toBe(403)
    }
    const fresh = await env.ssks.startSession('olga', email(), { force_auth: true })
    expect((await env.ssks.validate(fresh.sessionId, { challenge: fresh.challenge })).status).toBe(429)
  })

  it('counts per user only: another user is not limited', async () => {
    const env = await start({ maxWrongChallengesPerUser: 2 })
    for (let s = 0; s < 2; s++) {
      const started = await env.ssks.startSession('pam', email(), { force_auth: true })
      await env.ssks.validate(started.sessionId, { challenge: wrong(started.challenge!) })
    }
    const other = await env.ssks.startSession('quinn', email(), { force_auth: true })
    expect((await env.ssks.validate(other.sessionId, { challenge: other.challenge })).status).toBe(200)
  })

  it('lets the user try again once the window (wrongChallengeWindowMs) has passed', async () => {
    const env = await start({ maxWrongChallengesPerUser: 2, wrongChallengeWindowMs: 60_000 })
    for (let s = 0; s < 2; s++) {
      const started = await env.ssks.startSession('rita', email(), { force_auth: true })
      await env.ssks.validate(started.sessionId, { challenge: wrong(started.challenge!) })
    }
    const locked = await env.ssks.startSession('rita', email(), { force_auth: true })
    expect((await env.ssks.validate(locked.sessionId, { challenge: locked.challenge })).status).toBe(429)
    env.emulator.clock.advance(60_001)
    const later = await env.ssks.startSession('rita', email(), { force_auth: true })
    expect((await env.ssks.validate(later.sessionId, { challenge: later.challenge })).status).toBe(200)
  })
})
