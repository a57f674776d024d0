/**
 * A full run — save without and with a challenge, retrieval with key renewal (one push retried),
 * wrong challenge, wrong key, factor token, both key kinds — with every log line of our logger
 * captured, every error kept, and every request recorded on the wire. None of them may contain a
 * twoManRuleKey, a raw key, a challenge, identity bytes (hex or base64), a data_b64, a factor
 * token or a validated session id.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import type { IdentityKey } from '../../src/core/types'
import { generateRawTwoManRuleKey, generateTwoManRuleKey } from '../../src/server/index'
import type { SSKS2MRLogger } from '../../src/core/logger'
import { ourSdk } from '../interop/support/ourSdk'
import { startSession, wrongChallenge } from '../interop/support/sessions'
import { startRecordingProxy } from '../interop/support/startRecordingProxy'

let emulator: RunningEmulator
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
beforeAll(async () => {
  emulator = await startEmulator()
  proxy = await startRecordingProxy(emulator.url)
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
})

const lines: string[] = []
const logger: SSKS2MRLogger = {
  debug: (message, context) => lines.push(`debug ${message} ${inspect(context, { depth: 10 })}`),
  warn: (message, context) => lines.push(`warn ${message} ${inspect(context, { depth: 10 })}`),
  error: (message, context) => lines.push(`error ${message} ${inspect(context, { depth: 10 })}`),
}
const errors: string[] = []
const secrets = new Map<string, string>()
const remember = (label: string, value: string) => void (secrets.has(value) || secrets.set(value, label))

async function expectFailure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  )
  errors.push(`${(error as Error).message}\n${(error as Error).stack}\n${inspect(error, { depth: 10 })}`)
  return error as { code?: string }
}

async function fullRun(keyKind: 'twoManRuleKey' | 'rawTwoManRuleKey', userId: string) {
  const authFactor = { type: 'SMS' as const, value: '+33612345678' }
  const secret = keyKind === 'twoManRuleKey' ? generateTwoManRuleKey() : generateRawTwoManRuleKey()
  remember(keyKind, secret)
  const key = (
    keyKind === 'twoManRuleKey' ? { twoManRuleKey: secret } : { rawTwoManRuleKey: secret }
  ) satisfies IdentityKey
  const via = { url: proxy.url, appId: emulator.appId }
  const options = { pluginOptions: { logger, retryDelayMs: 5 } }

  const owner = await ourSdk(via, { userId, ...options })
  const identity: Buffer = await owner.exportIdentity()
  remember('identity hex', identity.toString('hex'))
  remember('identity base64', identity.toString('base64'))
  remember('key material', owner.cloudStandIn.account()!.keyMaterial)
  const s1 = await startSession(emulator, userId, authFactor)
  await owner.ssks2MR.saveIdentity({ userId, sessionId: s1.sessionId, authFactor, ...key })

  // Retrieval with renewal; the renewal push fails once and is retried (a warn line).
  const device = await ourSdk(via, options)
  const s2 = await startSession(emulator, userId, authFactor)
  remember('challenge', s2.challenge!)
  await expectFailure(
    device.ssks2MR.retrieveIdentity({
      userId,
      sessionId: s2.sessionId,
      authFactor,
      challenge: wrongChallenge(s2.challenge!),
      ...key,
    }),
  )
  emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
  const retrieved = await device.ssks2MR.retrieveIdentity({
    userId,
    sessionId: s2.sessionId,
    authFactor,
    challenge: s2.challenge,
    ...key,
  })
  expect(retrieved.keysRenewed).toBe(true)
  remember('validated session id', retrieved.authenticatedSessionId)
  remember('renewed key material', device.cloudStandIn.account()!.keyMaterial)

  const token = await device.ssks2MR.getFactorToken({ sessionId: retrieved.authenticatedSessionId, authFactor })
  remember('factor token', token.token)
  await device.ssks2MR.saveIdentity({ userId, sessionId: retrieved.authenticatedSessionId, authFactor, ...key })

  // Wrong key on the next retrieval (HMAC mismatch), with a challenge from a new session.
  const s3 = await startSession(emulator, userId, authFactor)
  remember('challenge', s3.challenge!)
  const wrongKey =
    keyKind === 'twoManRuleKey' ? { twoManRuleKey: `${secret}x` } : { rawTwoManRuleKey: generateRawTwoManRuleKey() }
  const wrong = await expectFailure(
    (await ourSdk(via, options)).ssks2MR.retrieveIdentity({
      userId,
      sessionId: s3.sessionId,
      authFactor,
      challenge: s3.challenge,
      ...wrongKey,
    }),
  )
  expect(wrong.code).toBe('WRONG_KEY')
}

describe('no secret in logs, errors or URLs', () => {
  it('over a full run with both key kinds', async () => {
    await fullRun('twoManRuleKey', 'secret-user-1')
    await fullRun('rawTwoManRuleKey', 'secret-user-2')
    for (const request of proxy.recorded) {
      if (request.path.endsWith('/push/')) remember('data_b64', JSON.parse(request.body).data_b64)
      if (request.path.endsWith('/challenge_validate/')) remember('challenge sent', JSON.parse(request.body).challenge)
    }

    // The run really logged, warned and failed, so the checks below look at something.
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true)
    expect(errors).toHaveLength(4)
    expect([...secrets.values()]).toEqual(
      expect.arrayContaining(['data_b64', 'challenge', 'identity hex', 'factor token']),
    )

    const haystacks = {
      logs: lines.join('\n'),
      errors: errors.join('\n'),
      urls: proxy.recorded.map((r) => r.path).join('\n'),
    }
    for (const [value, label] of secrets) {
      for (const [where, text] of Object.entries(haystacks)) {
        expect(text.includes(value), `${label} found in ${where}`).toBe(false)
      }
    }
  })
})
