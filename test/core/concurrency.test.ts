import { afterEach, describe, expect, it, vi } from 'vitest'
import { retrievalLockName, runExclusive } from '../../src/core/concurrency/runExclusive'
import { encryptIdentity } from '../../src/core/crypto/identityBlob'
import { nobleScrypt } from '../../src/core/crypto/nobleScrypt'
import { testCrypto } from './support/cryptoContext'
import { startCaptureServer, type CaptureServer } from '../support/startCaptureServer'
import { APP_ID, AUTH_FACTOR, CHALLENGE, RAW_KEY, sdkWithPlugin, standInIdentityBytes } from './support/plugins'

let server: CaptureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.unstubAllGlobals()
})

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('retrievals of one identity run one at a time', () => {
  it('two concurrent retrievals of the same user and factor do not interleave; another user runs alongside', async () => {
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    const otherBlob = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-2', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes({ userId: 'user-2' }),
    )
    server = await startCaptureServer((r) => {
      const session = String(r.headers['x-seald-session'])
      if (r.path.endsWith('challenge_validate/'))
        return { status: 200, json: { new_id: `${session}-validated` }, delayMs: 40 }
      return {
        status: 200,
        json: { data_b64: session.startsWith('other') ? otherBlob : dataB64, authenticated: true },
        delayMs: 40,
      }
    })
    const args = (sessionId: string, userId = 'user-1') => ({
      userId,
      sessionId,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
    })
    const [a, b, c] = [sdkWithPlugin(server.url), sdkWithPlugin(server.url), sdkWithPlugin(server.url)]
    await Promise.all([
      a.api.retrieveIdentity(args('first')),
      b.api.retrieveIdentity(args('second')),
      c.api.retrieveIdentity(args('other', 'user-2')),
    ])

    const sameUser = server.requests
      .map((r) => String(r.headers['x-seald-session']))
      .filter((s) => !s.startsWith('other'))
    expect(sameUser).toEqual(['first', 'first-validated', 'second', 'second-validated'])
    // The other user's retrieval did not wait: its first request came before the first user's queue drained.
    const order = server.requests.map((r) => String(r.headers['x-seald-session']))
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('second'))
  })

  it('a failed retrieval releases the queue', async () => {
    const name = `test-${Math.random()}`
    const first = runExclusive(name, undefined, async () => {
      throw new Error('boom')
    })
    await expect(first).rejects.toThrow('boom')
    await expect(runExclusive(name, undefined, async () => 'next')).resolves.toBe('next')
  })

  it('aborting while queued rejects with ABORTED without running, and the queue keeps its order', async () => {
    const name = `test-${Math.random()}`
    const gate = deferred()
    const ran: string[] = []
    const first = runExclusive(name, undefined, async () => {
      await gate.promise
      ran.push('first')
    })
    const controller = new AbortController()
    const second = runExclusive(name, controller.signal, async () => void ran.push('second'))
    const third = runExclusive(name, undefined, async () => void ran.push('third'))
    controller.abort()
    await expect(second).rejects.toMatchObject({ code: 'ABORTED' })
    expect(ran).toEqual([]) // third still waits for first
    gate.resolve()
    await Promise.all([first, third])
    expect(ran).toEqual(['first', 'third'])
  })

  it('uses navigator.locks (Web Locks) when the platform has it, under a hashed name', async () => {
    const requested: Array<{ name: string; options: unknown }> = []
    vi.stubGlobal('navigator', {
      locks: {
        request: async (name: string, options: unknown, task: () => Promise<unknown>) => {
          requested.push({ name, options })
          return task()
        },
      },
    })
    const signal = new AbortController().signal
    const name = retrievalLockName(APP_ID, 'user-1')
    await expect(runExclusive(name, signal, async () => 42)).resolves.toBe(42)
    expect(requested).toEqual([{ name, options: { signal } }])
    expect(name).toMatch(/^ssks-2mr-kit:retrieve:[0-9a-f]{8}$/)
    expect(name).not.toContain('alice')
    expect(name).not.toContain('user-1')
  })

  it('a plugin retrieval takes the Web Lock of its (app, user)', async () => {
    const names: string[] = []
    vi.stubGlobal('navigator', {
      locks: {
        request: async (name: string, _options: unknown, task: () => Promise<unknown>) => {
          names.push(name)
          return task()
        },
      },
    })
    const dataB64 = await encryptIdentity(
      testCrypto(APP_ID, nobleScrypt),
      { userId: 'user-1', rawTwoManRuleKey: RAW_KEY },
      standInIdentityBytes(),
    )
    server = await startCaptureServer((r) =>
      r.path.endsWith('challenge_validate/')
        ? { status: 200, json: { new_id: 'validated' } }
        : { status: 200, json: { data_b64: dataB64, authenticated: true } },
    )
    await sdkWithPlugin(server.url).api.retrieveIdentity({
      userId: 'user-1',
      sessionId: 's',
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
    })
    expect(names).toEqual([retrievalLockName(APP_ID, 'user-1')])
  })

  // One user's retrievals share a lock whatever the factor (test/security/core-retrievalLock.test.ts).
  it('lock names differ per app and user, and are stable', () => {
    const names = [
      retrievalLockName(APP_ID, 'user-1'),
      retrievalLockName(APP_ID, 'user-1'),
      retrievalLockName(APP_ID, 'user-2'),
      retrievalLockName(APP_ID, 'user-1'),
      retrievalLockName(APP_ID.toLowerCase(), 'user-1'),
    ]
    expect(names[0]).toBe(names[1])
    expect(new Set(names).size).toBe(3)
  })
})
