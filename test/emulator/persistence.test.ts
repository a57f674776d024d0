/** Persistence to `dataFile`: survives a restart, atomic writes, clear errors on a damaged file. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDataFolder } from './dataFolder'
import { createFileStorage, startEmulator } from '../../src/emulator/index'
import { email, emulatorClient } from './emulatorClient'

const data = tempDataFolder('ssks-emulator-')

describe('dataFile', () => {
  it('keeps users, backups, sessions, credentials and the outbox across a restart', async () => {
    const dataFile = join(data.dir, 'nested', 'ssks.json')
    data.running = await startEmulator({ dataFile })
    const { appId, apiKey } = data.running
    const before = emulatorClient(data.running)
    const saved = await before.startSession('alice', email())
    const pushed = await before.push(saved.sessionId, { data_b64: 'c2F2ZWQ=' })
    const pending = await before.startSession('alice', email())
    await data.running.close()

    data.running = await startEmulator({ dataFile })
    expect(data.running.appId).toBe(appId)
    expect(data.running.apiKey).toBe(apiKey)
    const after = emulatorClient(data.running)
    // The user exists (no create_user needed) and the pending session's code still works.
    const validated = await after.validate(pending.sessionId, { challenge: pending.challenge, auth_factor: email() })
    expect(validated.status).toBe(200)
    expect((await after.search(validated.body.new_id)).body).toEqual({ data_b64: 'c2F2ZWQ=', authenticated: false })
    expect((await after.push(validated.body.new_id, { data_b64: 'bmV3' })).body.id).toBe(pushed.body.id)
    expect(data.running.outbox().map((e) => e.sessionId)).toContain(pending.sessionId)
    expect((await after.challengeSend({ user_id: 'alice', auth_factor: email() })).body.must_authenticate).toBe(true)
  })

  it('lets explicit credentials win over the saved ones and saves them', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    await emulatorClient(data.running).startSession('bob', email())
    await data.running.close()
    data.running = await startEmulator({ dataFile, apiKey: 'explicit-key' })
    expect(data.running.apiKey).toBe('explicit-key')
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).apiKey).toBe('explicit-key')
    expect((await emulatorClient(data.running).challengeSend({ user_id: 'bob', auth_factor: email() })).status).toBe(
      200,
    )
  })

  it('has every answered change on disk (snapshot + journal), and leaves no temporary file behind', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    const client = emulatorClient(data.running)
    for (let i = 0; i < 10; i++) {
      const started = await client.startSession(`user-${i}`, email())
      await client.push(started.sessionId, { data_b64: `d${i}` })
      // A change costs one journal line, not a rewrite of the snapshot: read both, as a restart does.
      const snapshot = createFileStorage(dataFile).load()!
      expect(snapshot.tmrKeys).toHaveLength(i + 1)
    }
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).version).toBe(1)
    expect(readdirSync(data.dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(readdirSync(data.dir).every((name) => name === 'ssks.json' || /^ssks\.json\.\d+\.journal$/.test(name))).toBe(
      true,
    )
  })

  it('keeps the file readable by its owner only (it holds the API key, pending codes and blobs)', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    await emulatorClient(data.running).startSession('alice', email())
    expect(statSync(dataFile).mode & 0o777).toBe(0o600)
    for (const name of readdirSync(data.dir))
      expect([name, statSync(join(data.dir, name)).mode & 0o777]).toEqual([name, 0o600])
  })

  it('saves a reset', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    await emulatorClient(data.running).startSession('carol', email())
    // Over HTTP, so the answer waits for the reset to be on disk.
    const reset = await fetch(new URL('/__dev/reset', data.running.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(reset.status).toBe(204)
    expect(createFileStorage(dataFile).load()!.users).toEqual([])
  })

  it('refuses to start on a file that is not JSON, naming the file', async () => {
    const dataFile = join(data.dir, 'broken.json')
    writeFileSync(dataFile, '{"version":1, "users": [')
    await expect(startEmulator({ dataFile })).rejects.toThrow(/broken\.json.*not a valid emulator data file/)
  })

  it('refuses to start on JSON of the wrong shape, naming the field', async () => {
    const dataFile = join(data.dir, 'shape.json')
    writeFileSync(
      dataFile,
      JSON.stringify({
        version: 1,
        appId: 'a',
        apiKey: 'k',
        users: [],
        tmrKeys: [{ id: 'x' }],
        sessions: [],
        smsSent: 0,
        outbox: [],
      }),
    )
    await expect(startEmulator({ dataFile })).rejects.toThrow(/snapshot\.tmrKeys\[0\]\.userId/)
    writeFileSync(dataFile, JSON.stringify({ version: 2 }))
    await expect(startEmulator({ dataFile })).rejects.toThrow(/version/)
  })
})
