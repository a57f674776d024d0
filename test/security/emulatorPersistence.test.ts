/**
 * Persistence (`dataFile`): an answered change is durable (a SIGKILL under concurrent writers
 * loses none), a failed write is answered as a failure and undone, stale temporary files from a
 * crash are removed at start.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDataFolder } from '../emulator/dataFolder'
import { HEADERS, PATHS } from '../../src/core/protocol/constants'
import { createEmulator, createFileStorage, startEmulator } from '../../src/emulator/index'
import type { EmulatorSnapshot } from '../../src/emulator/types'
import { email, emulatorClient } from '../emulator/emulatorClient'

const data = tempDataFolder('ssks-persist-')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const CHILD = fileURLToPath(new URL('./support/emulatorProcess.ts', import.meta.url))

async function spawnEmulator(
  dataFile: string,
): Promise<{ child: ChildProcess; url: string; appId: string; apiKey: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataFile], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return { child, ...(JSON.parse(line) as { url: string; appId: string; apiKey: string }) }
}

describe('SIGKILL under concurrent writers', () => {
  it('loses no acknowledged push, over three kill-and-restart rounds', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    const writers = 8
    let sessions: string[] = []
    const acked = new Array<number>(writers).fill(-1)
    let checked = 0
    for (let round = 0; round < 3; round++) {
      const server = await spawnEmulator(dataFile)
      try {
        const ssks = emulatorClient(server)
        if (round === 0) {
          // First backups need no code, so each writer can push on its challenge_send session.
          sessions = await Promise.all(
            Array.from(
              { length: writers },
              async (_, w) => (await ssks.startSession(`writer-${w}`, email(`w${w}@example.com`))).sessionId,
            ),
          )
        }
        let stop = false
        const loops = sessions.map(async (session, w) => {
          for (let i = acked[w]! + 1; !stop; i++) {
            try {
              const response = await fetch(new URL(PATHS.push, server.url), {
                method: 'POST',
                headers: {
                  [HEADERS.appId]: server.appId,
                  [HEADERS.session]: session,
                  'Content-Type': 'application/json',
                },
                body: JSON.stringify({ data_b64: `${w}-${i}` }),
              })
              if (response.status !== 200) throw new Error(`push answered ${response.status}`)
              await response.arrayBuffer()
              acked[w] = i
              checked++
            } catch (error) {
              if (!stop) throw error
            }
          }
        })
        // Kill once this round has 220 answered pushes (however loaded the machine), at a random moment after.
        const target = checked + 220
        for (const deadline = Date.now() + 30_000; checked < target && Date.now() < deadline;) await sleep(10)
        await sleep(Math.random() * 100)
        stop = true
        server.child.kill('SIGKILL')
        await Promise.all(loops)
      } finally {
        server.child.kill('SIGKILL')
        if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit')
      }
      const saved = createFileStorage(dataFile).load()!
      for (let w = 0; w < writers; w++) {
        const key = saved.tmrKeys.find((k) => k.userId === `writer-${w}`)
        const stored = key ? Number(key.data_b64.split('-')[1]) : -1
        // The last answered push, or the one that was in flight when the process died.
        expect([w, stored - acked[w]!]).toSatisfy(([, diff]) => diff === 0 || diff === 1)
        acked[w] = stored
      }
    }
    expect(checked).toBeGreaterThanOrEqual(660)
    console.log(`[persistence] ${checked} acknowledged pushes checked across 3 SIGKILLs, 0 lost`)
  }, 60_000)
})

describe('a failed write', () => {
  it('answers 503 and leaves the state as it was (the next search sees the old backup)', async () => {
    let failNext = false
    let saved: EmulatorSnapshot | undefined
    const emulator = createEmulator({
      storage: {
        load: () => saved,
        save: (snapshot) => {
          if (failNext) {
            failNext = false
            throw new Error('ENOSPC: no space left on device')
          }
          saved = snapshot
        },
      },
    })
    const post = async (path: string, headers: Record<string, string>, body?: unknown) => {
      const response = await emulator.fetch(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      )
      return { status: response.status, body: await response.json() }
    }
    const back = { [HEADERS.appId]: emulator.appId, [HEADERS.apiKey]: emulator.apiKey }
    const front = (session: string) => ({ [HEADERS.appId]: emulator.appId, [HEADERS.session]: session })
    const first = await post(PATHS.challengeSend, back, { user_id: 'u', auth_factor: email(), create_user: true })
    expect((await post(PATHS.push, front(first.body.session_id), { data_b64: 'b2xk' })).status).toBe(200)

    failNext = true
    const failed = await post(PATHS.push, front(first.body.session_id), { data_b64: 'bmV3' })
    expect(failed.status).toBe(503)
    expect(failed.body.detail).toMatch(/not saved/i)
    expect(failed.body.detail).not.toContain('ENOSPC')

    failNext = true
    const refusedSend = await post(PATHS.challengeSend, back, { user_id: 'u', auth_factor: email(), force_auth: true })
    expect(refusedSend.status).toBe(503)
    // The failed challenge_send neither ended the old session nor left a code behind.
    expect(emulator.outbox()).toEqual([])
    const again = await post(PATHS.challengeSend, back, { user_id: 'u', auth_factor: email(), force_auth: true })
    const { new_id } = (
      await post(PATHS.challengeValidate, front(again.body.session_id), {
        challenge: emulator.outbox().at(-1)!.challenge,
      })
    ).body
    const found = await post(PATHS.search, front(new_id))
    expect(found.body.data_b64, JSON.stringify(found)).toBe('b2xk')
  })
})

describe('start-up', () => {
  it('removes temporary files a crash left behind, and keeps other files', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ dataFile })
    await emulatorClient(data.running).startSession('tmp-user', email())
    await data.running.close()
    writeFileSync(join(data.dir, 'ssks.json.999999999.abc123.tmp'), '{"half":')
    writeFileSync(join(data.dir, 'unrelated.tmp'), 'keep me')
    data.running = await startEmulator({ dataFile })
    expect(readdirSync(data.dir).filter((name) => name.endsWith('.tmp'))).toEqual(['unrelated.tmp'])
    expect(
      (await emulatorClient(data.running).challengeSend({ user_id: 'tmp-user', auth_factor: email() })).status,
    ).toBe(200)
  })
})

describe('the journal', () => {
  it('is folded into a new snapshot once it outgrows it, and a restart still sees every change', async () => {
    const dataFile = join(data.dir, 'ssks.json')
    data.running = await startEmulator({ storage: createFileStorage(dataFile, { compactAfterBytes: 4096 }) })
    const client = emulatorClient(data.running)
    const journals = new Set<string>()
    for (let i = 0; i < 40; i++) {
      const started = await client.startSession(`fold-${i}`, email())
      await client.push(started.sessionId, { data_b64: `${'x'.repeat(200)}${i}` })
      for (const name of readdirSync(data.dir)) if (name.endsWith('.journal')) journals.add(name)
    }
    // Several generations went by, and only the current journal is left.
    expect(journals.size).toBeGreaterThan(2)
    expect(readdirSync(data.dir).filter((name) => name.endsWith('.journal'))).toHaveLength(1)
    await data.running.close()
    const saved = createFileStorage(dataFile).load()!
    expect(saved.tmrKeys.map((key) => key.userId).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `fold-${i}`).sort(),
    )
  })
})
