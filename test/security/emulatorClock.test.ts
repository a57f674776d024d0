/**
 * The emulator clock cannot be pushed to Infinity or past what a Date holds, and a data file
 * that does not parse is reported with its path and left exactly as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDataFolder } from '../emulator/dataFolder'
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { call, email, emulatorClient } from '../emulator/emulatorClient'

const data = tempDataFolder('ssks-clock-')

const advance = (emulator: RunningEmulator, advanceMs: unknown) =>
  call(new URL('/__dev/clock', emulator.url).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  })

describe('POST /__dev/clock', () => {
  it('refuses Number.MAX_VALUE (twice) with 400 and the clock stays finite', async () => {
    data.running = await startEmulator()
    const before = data.running.clock.now()
    for (let i = 0; i < 2; i++) {
      const answer = await advance(data.running, Number.MAX_VALUE)
      expect(answer.status).toBe(400)
      expect(answer.body.detail).toMatch(/advanceMs/)
    }
    expect(Number.isFinite(data.running.clock.now())).toBe(true)
    expect(data.running.clock.now() - before).toBeLessThan(60_000)
  })

  it('refuses a step over 10 years, and any step that would move the clock over 100 years ahead', async () => {
    data.running = await startEmulator()
    const year = 365 * 24 * 3_600_000
    expect((await advance(data.running, 10 * year + 1)).status).toBe(400)
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await advance(data.running, 10 * year)).status)
    expect(statuses).toEqual([...Array(10).fill(200), 400, 400])
    expect(Number.isFinite(new Date(data.running.clock.now()).getTime())).toBe(true)
  })

  it('keeps the data file loadable after absurd clock requests (no null in it) and restarts on it', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    await advance(data.running, Number.MAX_VALUE)
    await advance(data.running, Number.MAX_VALUE)
    await emulatorClient(data.running).startSession('after-clock', email(), { force_auth: true })
    await data.running.close()
    data.running = await startEmulator({ dataFile })
    expect(
      (await emulatorClient(data.running).challengeSend({ user_id: 'after-clock', auth_factor: email() })).status,
    ).toBe(200)
  })

  it('refuses the same steps in-process (clock.advance throws a RangeError)', () => {
    const emulator = createEmulator()
    expect(() => emulator.clock.advance(Number.MAX_VALUE)).toThrow(RangeError)
    expect(() => emulator.clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(Number.isFinite(emulator.clock.now())).toBe(true)
  })
})

describe('a data file that does not parse', () => {
  for (const [name, text] of [
    ['truncated JSON', '{"version":1, "users": ['],
    [
      'a null where a time belongs',
      JSON.stringify({
        version: 1,
        appId: 'a',
        apiKey: 'k',
        users: ['u'],
        tmrKeys: [],
        sessions: [
          {
            id: 's',
            userId: 'u',
            authFactor: { type: 'EM', value: 'a@b.c' },
            challenge: 'aaaaaaaa',
            challengeIssuedAt: null,
            mustAuthenticate: true,
            validated: false,
            wrongAttempts: 0,
            burnt: false,
          },
        ],
        smsSent: 0,
        outbox: [],
      }),
    ],
  ] as const) {
    it(`is reported with its path and never overwritten (${name})`, async () => {
      const dataFile = join(data.dir, 'damaged.json')
      writeFileSync(dataFile, text)
      await expect(startEmulator({ dataFile })).rejects.toThrow(dataFile)
      await expect(startEmulator({ dataFile, apiKey: 'other-key' })).rejects.toThrow(dataFile)
      expect(readFileSync(dataFile, 'utf8')).toBe(text)
    })
  }
})
