/**
 * Failure of each step — challenge_validate, search, push, and the push of renewed keys — by a
 * 5xx, a dropped connection, a timeout and the caller's abort: a typed error (stable `code`), or
 * for the renewal push the documented recovery (`mustSaveIdentityAgain: true`). Afterwards the
 * backup on the emulator is still retrievable with a fresh session.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { Fault, RunningEmulator } from '../../src/emulator/types'
import { makeSdk } from '../interop/support/ourSdk'
import { startSession } from '../interop/support/sessions'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const authFactor = { type: 'EM' as const, value: 'alice@example.com' }
const key = { twoManRuleKey: 'fault-test-key' }
const TIMEOUT_MS = 250
// Short timeouts and retry delays keep the suite fast; retries stay on so persistent faults are really persistent.
const pluginOptions = { timeoutMs: TIMEOUT_MS, retryDelayMs: 5, retries: 2, renewalPushRetries: 2 }

type Kind = '5xx' | 'drop' | 'timeout' | 'abort'
const kinds: Array<[Kind, string]> = [
  ['5xx', 'SERVER'],
  ['drop', 'NETWORK'],
  ['timeout', 'TIMEOUT'],
  ['abort', 'ABORTED'],
]

/** A fault that lasts for every attempt (retries included), and the caller's signal for `abort`. */
function inject(endpoint: Fault['endpoint'], kind: Kind): AbortSignal | undefined {
  const times = 10
  if (kind === '5xx') emulator.faults.add({ endpoint, kind: 'status', status: 503, times })
  if (kind === 'drop') emulator.faults.add({ endpoint, kind: 'drop', times })
  if (kind === 'timeout') emulator.faults.add({ endpoint, kind: 'latency', delayMs: TIMEOUT_MS * 4, times })
  if (kind !== 'abort') return undefined
  emulator.faults.add({ endpoint, kind: 'latency', delayMs: 2000, times })
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 60)
  return controller.signal
}

/**
 * For the renewal push, the caller must abort once the identity is imported and the keys are
 * renewed, i.e. while the renewed identity is being encrypted and pushed (against a slow push).
 */
function abortAfterRenewKey(device: { renewKey: () => Promise<void> }): AbortSignal {
  const controller = new AbortController()
  const renewKey = device.renewKey
  device.renewKey = async () => {
    await renewKey()
    setTimeout(() => controller.abort(), 20)
  }
  return controller.signal
}

/** Owner stores a backup (authenticated unless `withoutChallenge`); returns its account. */
async function storeBackup(userId: string, withoutChallenge = false) {
  const owner = await makeSdk('ours', emulator, { userId, pluginOptions })
  const session = await startSession(emulator, userId, authFactor, { forceAuth: !withoutChallenge })
  await owner.ssks2MR.saveIdentity({
    userId,
    sessionId: session.sessionId,
    authFactor,
    challenge: session.challenge,
    ...key,
  })
  return owner.cloudStandIn.account()!
}

/** A fresh device and a fresh session can still read the backup. */
async function expectStillRetrievable(userId: string, sealdId: string) {
  emulator.faults.clear()
  const device = await makeSdk('ours', emulator, { pluginOptions })
  const session = await startSession(emulator, userId, authFactor)
  const result = await device.ssks2MR.retrieveIdentity({
    userId,
    sessionId: session.sessionId,
    authFactor,
    challenge: session.challenge,
    ...key,
  })
  expect(result.sealdId).toBe(sealdId)
  return result
}

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error as { code?: string; name?: string },
  )
}

describe.each(kinds)('%s', (kind, code) => {
  it(`challenge_validate failing gives ${code}`, async () => {
    const { sealdId } = await storeBackup('u-validate')
    const device = await makeSdk('ours', emulator, { pluginOptions })
    const session = await startSession(emulator, 'u-validate', authFactor)
    const signal = inject('challenge_validate', kind)
    const error = await rejection(
      device.ssks2MR.retrieveIdentity({
        userId: 'u-validate',
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        signal,
        ...key,
      }),
    )
    expect(error.code).toBe(code)
    expect(device.cloudStandIn.calls).toEqual([])
    await expectStillRetrievable('u-validate', sealdId)
  })

  it(`search failing gives ${code}`, async () => {
    const { sealdId } = await storeBackup('u-search')
    const device = await makeSdk('ours', emulator, { pluginOptions })
    const session = await startSession(emulator, 'u-search', authFactor)
    const signal = inject('search', kind)
    const error = await rejection(
      device.ssks2MR.retrieveIdentity({
        userId: 'u-search',
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        signal,
        ...key,
      }),
    )
    expect(error.code).toBe(code)
    expect(device.cloudStandIn.calls).toEqual([])
    await expectStillRetrievable('u-search', sealdId)
  })

  it(`push failing on save gives ${code} and leaves the previous backup readable`, async () => {
    const { sealdId } = await storeBackup('u-push')
    const other = await makeSdk('ours', emulator, { userId: 'u-push', pluginOptions }) // a different account tries to overwrite
    const session = await startSession(emulator, 'u-push', authFactor)
    const signal = inject('push', kind)
    const error = await rejection(
      other.ssks2MR.saveIdentity({
        userId: 'u-push',
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        signal,
        ...key,
      }),
    )
    expect(error.code).toBe(code)
    await expectStillRetrievable('u-push', sealdId)
  })

  it('renewal push failing resolves with mustSaveIdentityAgain: true; the old backup stays readable', async () => {
    const { sealdId } = await storeBackup('u-renew', true)
    const device = await makeSdk('ours', emulator, { pluginOptions })
    const session = await startSession(emulator, 'u-renew', authFactor)
    let signal = inject('push', kind === 'abort' ? 'timeout' : kind)
    if (kind === 'abort') signal = abortAfterRenewKey(device)
    const result = await device.ssks2MR.retrieveIdentity({
      userId: 'u-renew',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      signal,
      ...key,
    })
    expect(result).toMatchObject({ sealdId, keysRenewed: true, mustSaveIdentityAgain: true })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])
    expect(device.cloudStandIn.account()!.keyVersion).toBe(2)

    // Nothing overwrote the unauthenticated backup: the next retrieval reads it and renews again.
    const again = await expectStillRetrievable('u-renew', sealdId)
    expect(again.keysRenewed).toBe(true)
  })
})

describe('transient faults', () => {
  it('one 503 on search is retried and the retrieval succeeds', async () => {
    const { sealdId } = await storeBackup('u-transient')
    const device = await makeSdk('ours', emulator, { pluginOptions })
    const session = await startSession(emulator, 'u-transient', authFactor)
    emulator.faults.add({ endpoint: 'search', kind: 'status', status: 503 })
    const mark = emulator.requests().length
    const result = await device.ssks2MR.retrieveIdentity({
      userId: 'u-transient',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      ...key,
    })
    expect(result.sealdId).toBe(sealdId)
    expect(
      emulator
        .requests()
        .slice(mark)
        .map((r) => `${r.path}:${r.status}`),
    ).toEqual(['/tmr/front/challenge_validate/:200', '/tmr/front/search/:503', '/tmr/front/search/:200'])
  })

  it('one failed renewal push is retried: keys renewed and saved', async () => {
    await storeBackup('u-renew-once', true)
    const device = await makeSdk('ours', emulator, { pluginOptions })
    const session = await startSession(emulator, 'u-renew-once', authFactor)
    emulator.faults.add({ endpoint: 'push', kind: 'status', status: 502 })
    const result = await device.ssks2MR.retrieveIdentity({
      userId: 'u-renew-once',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      ...key,
    })
    expect(result).toMatchObject({ keysRenewed: true, mustSaveIdentityAgain: false })
    const next = await expectStillRetrievable('u-renew-once', result.sealdId)
    expect(next.keysRenewed).toBe(false)
  })

  it('a push that landed but whose answer was lost still leaves a readable backup', async () => {
    await storeBackup('u-lost-answer')
    const other = await makeSdk('ours', emulator, { userId: 'u-lost-answer', pluginOptions })
    const session = await startSession(emulator, 'u-lost-answer', authFactor)
    emulator.faults.add({ endpoint: 'push', kind: 'drop', phase: 'after', times: 10 })
    const error = await rejection(
      other.ssks2MR.saveIdentity({
        userId: 'u-lost-answer',
        sessionId: session.sessionId,
        authFactor,
        challenge: session.challenge,
        ...key,
      }),
    )
    expect(error.code).toBe('NETWORK')
    await expectStillRetrievable('u-lost-answer', other.cloudStandIn.account()!.sealdId) // the new one landed
  })
})

describe('Seald-cloud failures during renewal (stand-in failNext)', () => {
  it('renewKey failing: the identity is imported, keys unchanged, backup left unauthenticated (next retrieval renews)', async () => {
    const { sealdId } = await storeBackup('u-renewkey', true)
    const device = await makeSdk('ours', emulator, { pluginOptions })
    device.cloudStandIn.failNext('renewKey', new Error('Seald API unreachable'))
    const session = await startSession(emulator, 'u-renewkey', authFactor)
    const mark = emulator.requests().length
    const result = await device.ssks2MR.retrieveIdentity({
      userId: 'u-renewkey',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      ...key,
    })
    expect(result).toMatchObject({ sealdId, keysRenewed: false, mustSaveIdentityAgain: false })
    expect(
      emulator
        .requests()
        .slice(mark)
        .map((r) => r.path),
    ).not.toContain('/tmr/front/push/')
    const again = await expectStillRetrievable('u-renewkey', sealdId)
    expect(again.keysRenewed).toBe(true)
  })

  it('exporting the renewed identity failing: mustSaveIdentityAgain, old backup readable', async () => {
    const { sealdId } = await storeBackup('u-export', true)
    const device = await makeSdk('ours', emulator, { pluginOptions })
    device.cloudStandIn.failNext('exportBackupKey')
    const session = await startSession(emulator, 'u-export', authFactor)
    const result = await device.ssks2MR.retrieveIdentity({
      userId: 'u-export',
      sessionId: session.sessionId,
      authFactor,
      challenge: session.challenge,
      ...key,
    })
    expect(result).toMatchObject({ sealdId, keysRenewed: true, mustSaveIdentityAgain: true })
    // Saving again on the validated session, as the React flows do, stores the renewed identity.
    await device.ssks2MR.saveIdentity({
      userId: 'u-export',
      sessionId: result.authenticatedSessionId,
      authFactor,
      ...key,
    })
    const next = await expectStillRetrievable('u-export', sealdId)
    expect(next.keysRenewed).toBe(false)
  })
})
