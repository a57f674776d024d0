import { afterEach, describe, expect, it } from 'vitest'
import type { SSKS2MRLogger, SSKS2MROptions } from '../../src/core/index'
import { createTestWorld, wrongCode, type TestWorld, type TestWorldOptions } from '../../src/testing/index'

let world: TestWorld | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})
async function setup(options: TestWorldOptions) {
  world = await createTestWorld({ transport: 'http', ...options })
  return world
}
/** A device with fast plugin retries. */
const deviceIn = (w: TestWorld, pluginOptions: SSKS2MROptions, signedUp = false) =>
  w.device({ signedUp, pluginOptions: { retryDelayMs: 5, ...pluginOptions } })

/** Keeps every line the plugin logs, with its context, as text. */
function capturingLogger() {
  const lines: string[] = []
  const record = (level: string) => (message: string, context?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`)
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
    if (body)
      for (const value of Object.values(JSON.parse(body) as Record<string, unknown>))
        if (typeof value === 'string') secrets.add(value)
    const response = await fetch(request)
    const text = await response.clone().text()
    try {
      const answer = JSON.parse(text) as Record<string, unknown>
      for (const field of ['new_id', 'data_b64', 'factor_token'])
        if (typeof answer[field] === 'string') secrets.add(answer[field] as string)
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
    const twoManRuleKey = 'super-secret-two-man-rule-key'
    const rawTwoManRuleKey = Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString('base64')
    const w = await setup({ key: { twoManRuleKey }, factor: { type: 'EM', value: 'log.user@example.com' } })
    const { authFactor } = w
    secrets.add(twoManRuleKey).add(rawTwoManRuleKey).add(authFactor.value)
    const errors: string[] = []
    const failure = (call: Promise<unknown>) => call.then(String, (e: Error) => e.message)

    const first = await deviceIn(w, options, true)
    const s1 = await w.startSession({ purpose: 'backup' })
    secrets.add(s1.sessionId)
    await first.ssks2MR.saveIdentity(w.callArgs(s1))
    const exported = (await first.exportIdentity()) as Uint8Array
    secrets
      .add(Buffer.from(exported).toString('base64'))
      .add(Buffer.from(exported).toString('hex'))
      .add(first.cloudStandIn.account()!.keyMaterial)

    const second = await deviceIn(w, options)
    const s2 = await w.startSession({ purpose: 'restore' })
    secrets.add(s2.sessionId).add(w.lastCode())
    errors.push(
      await failure(second.ssks2MR.retrieveIdentity({ ...w.callArgs(s2), challenge: wrongCode(w.lastCode()) })),
    )
    w.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    const retrieved = await second.ssks2MR.retrieveIdentity({ ...w.callArgs(s2), challenge: w.lastCode() })
    expect(retrieved).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: false })
    secrets.add(second.cloudStandIn.account()!.keyMaterial)
    const token = await second.ssks2MR.getFactorToken({ sessionId: retrieved.authenticatedSessionId, authFactor })
    secrets.add(token.token)

    w.setForceAuth(true)
    const s3 = await w.startSession({ purpose: 'backup' })
    secrets.add(s3.sessionId).add(w.lastCode())
    const raw = w.callArgs({ ...s3, twoManRuleKey: undefined, rawTwoManRuleKey })
    const saved = await second.ssks2MR.saveIdentity({ ...raw, challenge: w.lastCode() })
    errors.push(await failure(second.ssks2MR.retrieveIdentity({ ...raw, challenge: 'SECRET42' })))
    const wrongKey = w.callArgs(
      { ...s3, twoManRuleKey: 'wrong', rawTwoManRuleKey: undefined },
      { sessionId: saved.authenticatedSessionId },
    )
    errors.push(await failure(second.ssks2MR.retrieveIdentity(wrongKey)))

    // The run did log, including the retry warning: the check below is not vacuous.
    expect(lines.length).toBeGreaterThan(8)
    expect(lines.some((line) => line.startsWith('warn SSKS request retried {"operation":"push"'))).toBe(true)
    // Something of each kind was captured: sessions, data_b64, challenge, token.
    expect(secrets.size).toBeGreaterThan(12)
    const leaks = [...secrets]
      .filter((secret) => secret.length >= 6)
      .flatMap((secret) =>
        [...lines, ...errors]
          .filter((line) => line.includes(secret))
          .map((line) => ({ secret: secret.slice(0, 12), line })),
      )
    expect(leaks).toEqual([])
    expect(errors).toEqual([
      'Invalid challenge',
      '"challenge" fails to match the required pattern: /^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/',
      'Invalid appId, userId, or twoManRuleKey',
    ])
  })

  it('is quiet by default: nothing reaches the console', async () => {
    const calls: unknown[] = []
    const original = {
      log: console.log,
      debug: console.debug,
      warn: console.warn,
      error: console.error,
      info: console.info,
    }
    for (const key of Object.keys(original) as Array<keyof typeof original>)
      console[key] = (...args: unknown[]) => void calls.push(args)
    try {
      const w = await setup({ key: { twoManRuleKey: 'k' } })
      const device = await deviceIn(w, {}, true)
      await device.ssks2MR.saveIdentity(w.callArgs(await w.startSession({ purpose: 'backup' })))
    } finally {
      Object.assign(console, original)
    }
    expect(calls).toEqual([])
  })
})
