/** Fault injection: latency, 5xx, dropped connections; by endpoint, nth call and count; over HTTP and in-process. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PATHS } from '../../src/core/protocol/constants'
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { call, email, emulatorClient } from './emulatorClient'

/** Dev routes that change state take only JSON from non-browser callers (no cross-site simple request). */
const JSON_BODY = { 'Content-Type': 'application/json' }

let emulator: RunningEmulator
let ssks: ReturnType<typeof emulatorClient>
beforeAll(async () => {
  emulator = await startEmulator()
  ssks = emulatorClient(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.faults.clear())

describe('over HTTP', () => {
  it('adds latency to the chosen endpoint only', async () => {
    const started = await ssks.startSession('lat', email())
    emulator.faults.add({ endpoint: 'push', kind: 'latency', delayMs: 300 })
    const t0 = performance.now()
    expect((await ssks.challengeSend({ user_id: 'lat2', auth_factor: email(), create_user: true })).status).toBe(200)
    const unaffected = performance.now() - t0
    const t1 = performance.now()
    expect((await ssks.push(started.sessionId, { data_b64: 'x' })).status).toBe(200)
    const delayed = performance.now() - t1
    expect(delayed).toBeGreaterThanOrEqual(290)
    expect(unaffected).toBeLessThan(delayed)
  })

  it('answers an injected status on the nth call, `times` times, then behaves again', async () => {
    const started = await ssks.startSession('status', email())
    emulator.faults.add({ endpoint: 'push', kind: 'status', status: 502, nth: 2, times: 2 })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await ssks.push(started.sessionId, { data_b64: `v${i}` })).status)
    expect(statuses).toEqual([200, 502, 502, 200])
    const injected = await ssks.push(started.sessionId, { data_b64: 'x' })
    expect(injected.status).toBe(200)
    expect(emulator.faults.list()).toEqual([])
  })

  it('does not process a call failed `before` (default) but does one failed `after`', async () => {
    const started = await ssks.startSession('phase', email())
    await ssks.push(started.sessionId, { data_b64: 'first' })
    emulator.faults.add({ endpoint: 'push', kind: 'status', status: 500 })
    expect((await ssks.push(started.sessionId, { data_b64: 'lost' })).body).toEqual({ detail: 'Injected fault.' })
    emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503, phase: 'after' })
    expect((await ssks.push(started.sessionId, { data_b64: 'landed' })).status).toBe(503)
    const validated = await ssks.validatedSession('phase', email())
    expect((await ssks.search(validated)).body.data_b64).toBe('landed')
  })

  it('drops the connection: fetch rejects, the server keeps answering, the log says 0', async () => {
    const started = await ssks.startSession('drop', email())
    emulator.faults.add({ endpoint: 'push', kind: 'drop' })
    await expect(ssks.push(started.sessionId, { data_b64: 'x' })).rejects.toThrow(TypeError)
    expect((await ssks.push(started.sessionId, { data_b64: 'x' })).status).toBe(200)
    const pushes = emulator.requests().filter((r) => r.path === PATHS.push)
    expect(pushes.slice(-2).map((r) => r.status)).toEqual([0, 200])
  })

  it('drops after processing with phase `after` (the push landed, its answer was lost)', async () => {
    const started = await ssks.startSession('drop-after', email())
    emulator.faults.add({ endpoint: 'push', kind: 'drop', phase: 'after' })
    await expect(ssks.push(started.sessionId, { data_b64: 'kept' })).rejects.toThrow()
    const validated = await ssks.validatedSession('drop-after', email())
    expect((await ssks.search(validated)).body.data_b64).toBe('kept')
  })

  it('targets every endpoint with `*`, and is managed over /__dev/faults', async () => {
    const added = await call(new URL('/__dev/faults', emulator.url).href, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ endpoint: '*', kind: 'status', status: 504, times: 2 }),
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ endpoint: '*', kind: 'status', status: 504, nth: 1, times: 2 })
    expect((await call(new URL('/__dev/faults', emulator.url).href)).body).toHaveLength(1)
    expect((await ssks.challengeSend({ user_id: 'star', auth_factor: email(), create_user: true })).status).toBe(504)
    expect((await ssks.search('whatever')).status).toBe(504)
    expect((await ssks.search('whatever')).status).toBe(404)

    await call(new URL('/__dev/faults', emulator.url).href, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ kind: 'drop' }),
    })
    expect(
      (await call(new URL('/__dev/faults', emulator.url).href, { method: 'DELETE', headers: JSON_BODY })).status,
    ).toBe(204)
    expect(emulator.faults.list()).toEqual([])
    expect((await ssks.search('whatever')).status).toBe(404)
  })

  it('refuses a malformed fault with 400 naming the field', async () => {
    for (const fault of [
      { kind: 'explode' },
      { kind: 'status', status: 99 },
      { kind: 'drop', endpoint: 'nope' },
      { kind: 'latency', nth: 0 },
      [],
    ]) {
      const answer = await call(new URL('/__dev/faults', emulator.url).href, {
        method: 'POST',
        headers: JSON_BODY,
        body: JSON.stringify(fault),
      })
      expect(answer.status).toBe(400)
      expect(answer.body.detail).toMatch(/fault|dictionary/)
    }
    expect(() => emulator.faults.add({ endpoint: 'push', kind: 'status', status: 1000 })).toThrow(TypeError)
  })
})

describe('in-process', () => {
  const url = 'http://ssks.test' + PATHS.search
  it('rejects like a network error on a drop, and answers an injected status', async () => {
    const inProcess = createEmulator()
    inProcess.faults.add({ endpoint: 'search', kind: 'drop' })
    const dropped = inProcess.fetch(new Request(url, { method: 'POST' }))
    await expect(dropped).rejects.toBeInstanceOf(TypeError)
    await expect(dropped).rejects.toThrow('fetch failed')
    inProcess.faults.add({ endpoint: 'search', kind: 'status', status: 503 })
    expect((await inProcess.fetch(url, { method: 'POST' })).status).toBe(503)
    expect((await inProcess.fetch(url, { method: 'POST' })).status).toBe(403)
  })

  it('rejects with the abort reason when the caller aborts during injected latency (and does not log it: never handled)', async () => {
    const inProcess = createEmulator()
    inProcess.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 10_000 })
    const controller = new AbortController()
    const pending = inProcess.fetch(url, { method: 'POST', signal: controller.signal })
    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(inProcess.requests()).toEqual([])
  })
})
