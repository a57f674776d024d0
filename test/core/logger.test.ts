import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SSKS2MRLogger } from '../../src/core/index'
import { setupEmulator } from './support/emulatorSetup'

type Setup = Awaited<ReturnType<typeof setupEmulator>>
let env: Setup
beforeAll(async () => {
  env = await setupEmulator()
})
afterAll(async () => {
  await env.emulator.close()
})

/** Keeps every line the plugin logs, with its context, as text. */
function capturingLogger() {
  const lines: string[] = []
  const record = (level: string) => (message: string, context?: Record<string, unknown>) => void lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`)
  const logger: SSKS2MRLogger = { debug: record('debug'), warn: record('warn'), error: record('error') }
  return { logger, lines }
}

/** A fetch that remembers every string we sent (bodies' values, session headers) and the secrets we received. */
function recordingFetch(secrets: Set<string>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const session = request.headers.get('X-SEALD-SESSION')
    if (session) secrets.add(session)
    const body = await request.clone().text()
    if (body) for (const value of Object.values(JSON.parse(body) as Record<string, unknown>)) if (typeof value === 'string') secrets.add(value)
    const response = await fetch(request)
    const text = await response.clone().text()
    try {
      const answer = JSON.parse(text) as Record<string, unknown>
      for (const field of ['new_id', 'data_b64', 'factor_token']) if (typeof answer[field] === 'string') secrets.add(answer[field] as string)
    } catch {
      // not JSON
    }
    return response
  }
}

describe('logging', () => {
  it('a full save / retrieve (with renewal, a retried push, a wrong code, a factor token) logs no secret', async () => {
    const { logger, lines } = capturingLogger()
    const secrets = new Set<string>()
    const options = { logger, fetch: recordingFetch(secrets), renewalPushRetries: 2 }
    const userId = 'log-user'
    const authFactor = { type: 'EM' as const, value: 'log.user@example.com' }
    const twoManRuleKey = 'super-secret-two-man-rule-key'
    const rawTwoManRuleKey = Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString('base64')
    secrets.add(twoManRuleKey).add(rawTwoManRuleKey).add(authFactor.value)
    const errors: string[] = []

    const first = env.device(options, userId)
    const s1 = await env.startSession(userId, authFactor)
    secrets.add(s1.sessionId)
    await first.api.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, twoManRuleKey })
    const exported = (await first.sdk.exportIdentity()) as Uint8Array
    secrets.add(Buffer.from(exported).toString('base64')).add(Buffer.from(exported).toString('hex')).add(first.sdk.cloudStandIn.account()!.keyMaterial)

    const second = env.device(options)
    const s2 = await env.startSession(userId, authFactor)
    secrets.add(s2.sessionId).add(s2.challenge!)
    const wrong = s2.challenge === 'aaaaaaaa' ? 'bbbbbbbb' : 'aaaaaaaa'
    errors.push(await second.api.retrieveIdentity({ userId, sessionId: s2.sessionId, authFactor, challenge: wrong, twoManRuleKey }).then(String, (e: Error) => e.message))
    env.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    const retrieved = await second.api.retrieveIdentity({ userId, sessionId: s2.sessionId, authFactor, challenge: s2.challenge!, twoManRuleKey })
    expect(retrieved).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: false })
    secrets.add(second.sdk.cloudStandIn.account()!.keyMaterial)
    const token = await second.api.getFactorToken({ sessionId: retrieved.authenticatedSessionId, authFactor })
    secrets.add(token.token)

    const s3 = await env.startSession(userId, authFactor, true)
    secrets.add(s3.sessionId).add(s3.challenge!)
    const saved = await second.api.saveIdentity({ userId, sessionId: s3.sessionId, authFactor, challenge: s3.challenge!, rawTwoManRuleKey })
    errors.push(await second.api.retrieveIdentity({ userId, sessionId: s3.sessionId, authFactor, challenge: 'SECRET42', rawTwoManRuleKey }).then(String, (e: Error) => e.message))
    errors.push(await second.api.retrieveIdentity({ userId, sessionId: saved.authenticatedSessionId, authFactor, twoManRuleKey: 'wrong' }).then(String, (e: Error) => e.message))

    // The run did log, including the retry warning: the check below is not vacuous.
    expect(lines.length).toBeGreaterThan(8)
    expect(lines.some((line) => line.startsWith('warn SSKS request retried {"operation":"push"'))).toBe(true)
    // Something of each kind was captured: sessions, data_b64, challenge, token.
    expect(secrets.size).toBeGreaterThan(12)
    const leaks = [...secrets].filter((secret) => secret.length >= 6).flatMap((secret) => [...lines, ...errors].filter((line) => line.includes(secret)).map((line) => ({ secret: secret.slice(0, 12), line })))
    expect(leaks).toEqual([])
    expect(errors).toEqual([
      'Invalid challenge',
      '"challenge" fails to match the required pattern: /^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/',
      'Invalid appId, userId, or twoManRuleKey',
    ])
  })

  it('is quiet by default: nothing reaches the console', async () => {
    const calls: unknown[] = []
    const original = { log: console.log, debug: console.debug, warn: console.warn, error: console.error, info: console.info }
    for (const key of Object.keys(original) as Array<keyof typeof original>) console[key] = (...args: unknown[]) => void calls.push(args)
    try {
      const device = env.device({}, 'quiet-user')
      const s = await env.startSession('quiet-user', { type: 'EM', value: 'quiet@example.com' })
      await device.api.saveIdentity({ userId: 'quiet-user', sessionId: s.sessionId, authFactor: { type: 'EM', value: 'quiet@example.com' }, twoManRuleKey: 'k' })
    } finally {
      Object.assign(console, original)
    }
    expect(calls).toEqual([])
  })
})
