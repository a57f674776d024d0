/**
 * Bad input → a VALIDATION error (name `ValidationError`) before any I/O: the emulator sees no
 * request and the SDK is not asked to export anything. Every case is also given to the official
 * plugin: it must reject too, with the same message (ours never echoes a value that failed a
 * pattern, since those guard secrets; that part of Joi's wording is ignored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { generateRawTwoManRuleKey } from '../../src/server/index'
import { officialSdk } from '../interop/support/officialSdk'
import { ourSdk } from '../interop/support/ourSdk'

let emulator: RunningEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

const authFactor = { type: 'EM', value: 'alice@example.com' }
const valid = {
  userId: 'alice',
  sessionId: 'd1b9f0f2-4b1e-4a59-9a43-0c7f3a7f1d11',
  authFactor,
  challenge: 'abcdefgh',
  twoManRuleKey: 'k',
}
const raw = generateRawTwoManRuleKey()
const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))

/** [label, arguments] — each breaks exactly one rule of the official schema. */
const shared: Array<[string, Record<string, unknown>]> = [
  ['userId missing', without('userId')],
  ['userId empty', { ...valid, userId: '' }],
  ['userId number', { ...valid, userId: 42 }],
  ['userId null', { ...valid, userId: null }],
  ['userId object', { ...valid, userId: { toString: () => 'alice' } }],
  ['sessionId missing', without('sessionId')],
  ['sessionId empty', { ...valid, sessionId: '' }],
  ['sessionId array', { ...valid, sessionId: ['s'] }],
  ['email and authFactor', { ...valid, email: 'alice@example.com' }],
  ['neither email nor authFactor', without('authFactor')],
  ['email too long', { ...without('authFactor'), email: `${'a'.repeat(1020)}@x.io` }],
  ['email number', { ...without('authFactor'), email: 7 }],
  ['authFactor null', { ...valid, authFactor: null }],
  ['authFactor string', { ...valid, authFactor: 'EM:alice@example.com' }],
  ['authFactor.type lower-case', { ...valid, authFactor: { type: 'em', value: 'a@b.c' } }],
  ['authFactor.type missing', { ...valid, authFactor: { value: 'a@b.c' } }],
  ['authFactor.type PHONE', { ...valid, authFactor: { type: 'PHONE', value: '+33600000000' } }],
  ['authFactor.value empty', { ...valid, authFactor: { type: 'EM', value: '' } }],
  ['authFactor.value missing', { ...valid, authFactor: { type: 'SMS' } }],
  ['authFactor.value number', { ...valid, authFactor: { type: 'SMS', value: 33600000000 } }],
  ['authFactor.value 1025 chars', { ...valid, authFactor: { type: 'EM', value: 'x'.repeat(1025) } }],
  [
    'authFactor.value astral, > 1024 UTF-16 units',
    { ...valid, authFactor: { type: 'EM', value: `${'a'.repeat(1000)}${'😀'.repeat(20)}` } },
  ],
  ['authFactor extra key', { ...valid, authFactor: { ...authFactor, extra: 1 } }],
  ['challenge upper-case', { ...valid, challenge: 'AAAAAAAA' }],
  ['challenge empty', { ...valid, challenge: '' }],
  ['challenge null', { ...valid, challenge: null }],
  ['challenge 7 chars', { ...valid, challenge: 'abcdefg' }],
  ['challenge 9 chars', { ...valid, challenge: 'abcdefghj' }],
  ['challenge with l (not in the alphabet)', { ...valid, challenge: 'abcdefgl' }],
  ['challenge with 0 and 1', { ...valid, challenge: 'abcdef01' }],
  ['challenge fullwidth', { ...valid, challenge: 'ａｂｃｄｅｆｇｈ' }],
  ['challenge with a space', { ...valid, challenge: 'abcd efg' }],
  ['both keys', { ...valid, rawTwoManRuleKey: raw }],
  ['no key', without('twoManRuleKey')],
  ['twoManRuleKey empty', { ...valid, twoManRuleKey: '' }],
  ['twoManRuleKey number', { ...valid, twoManRuleKey: 1234 }],
  ['rawTwoManRuleKey too short', { ...without('twoManRuleKey'), rawTwoManRuleKey: raw.slice(1) }],
  [
    'rawTwoManRuleKey base64url',
    { ...without('twoManRuleKey'), rawTwoManRuleKey: raw.replace(/[+/]/g, '-').replace(/^./, '_') },
  ],
  ['rawTwoManRuleKey without padding', { ...without('twoManRuleKey'), rawTwoManRuleKey: raw.slice(0, 86) }],
  [
    'rawTwoManRuleKey 65 bytes',
    { ...without('twoManRuleKey'), rawTwoManRuleKey: Buffer.alloc(65, 1).toString('base64') },
  ],
]

const saveOnly: Array<[string, Record<string, unknown>]> = [
  ['identity string', { ...valid, identity: 'identity' }],
  ['identity number array', { ...valid, identity: [1, 2, 3] }],
  ['identity ArrayBuffer', { ...valid, identity: new ArrayBuffer(4) }],
]

// Joi prints the offending value of a failed pattern; ours does not (those values are secrets).
// Ours also accepts any Uint8Array as `identity` (browsers have no Buffer) and says so.
const comparable = (message: string) =>
  message.replace(/ with value ".*?" fails/s, ' fails').replace('must be Buffer or Uint8Array', 'must be Buffer')

async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; path?: string }> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error as Error & { code?: string },
  )
}

async function checkCase(method: 'saveIdentity' | 'retrieveIdentity', args: Record<string, unknown>) {
  const ours = await ourSdk(emulator, { userId: 'alice' })
  const mark = emulator.requests().length
  const error = await rejectionOf(ours.ssks2MR[method](args as never))
  expect(error.code).toBe('VALIDATION')
  expect(error.name).toBe('ValidationError')
  expect(emulator.requests().length).toBe(mark) // no I/O at all
  expect(ours.cloudStandIn.calls).toEqual([]) // not even an export of the identity

  const official = officialSdk(emulator, { userId: 'alice' })
  const theirs = await rejectionOf(official.ssks2MR[method](args as never))
  expect(comparable(error.message)).toBe(comparable(theirs.message))
  expect(emulator.requests().length).toBe(mark)
  return error
}

describe('bad input gives VALIDATION before any request, like the official plugin', () => {
  it.each(shared)('saveIdentity: %s', async (_label, args) => {
    await checkCase('saveIdentity', args)
  })
  it.each(shared)('retrieveIdentity: %s', async (_label, args) => {
    await checkCase('retrieveIdentity', args)
  })
  it.each(saveOnly)('saveIdentity: %s', async (_label, args) => {
    await checkCase('saveIdentity', args)
  })

  it('never echoes a refused raw key or challenge in the message', async () => {
    const badRaw = raw.slice(1)
    const error = await checkCase('saveIdentity', { ...without('twoManRuleKey'), rawTwoManRuleKey: badRaw })
    expect(error.message).not.toContain(badRaw)
    const badChallenge = await checkCase('saveIdentity', { ...valid, challenge: 'ZZZZZZZZ' })
    expect(badChallenge.message).not.toContain('ZZZZZZZZ')
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'alice'],
  ])('ours refuses %s as the argument object with VALIDATION, no request', async (_label, args) => {
    const ours = await ourSdk(emulator, { userId: 'alice' })
    const mark = emulator.requests().length
    for (const method of ['saveIdentity', 'retrieveIdentity'] as const) {
      const error = await rejectionOf(ours.ssks2MR[method](args as never))
      expect(error.code).toBe('VALIDATION')
    }
    const tokenError = await rejectionOf(ours.ssks2MR.getFactorToken(args as never))
    expect(tokenError.code).toBe('VALIDATION')
    expect(emulator.requests().length).toBe(mark)
  })

  it('getFactorToken: bad factor or session is refused without a request', async () => {
    const ours = await ourSdk(emulator)
    const mark = emulator.requests().length
    for (const args of [
      { sessionId: '', authFactor },
      { sessionId: 's', authFactor: { type: 'XX', value: 'v' } },
      { sessionId: 's', authFactor, challenge: 'nope' },
      { sessionId: 's' },
    ]) {
      const error = await rejectionOf(ours.ssks2MR.getFactorToken(args as never))
      expect(error.code).toBe('VALIDATION')
    }
    expect(emulator.requests().length).toBe(mark)
  })

  it('unknown extra keys are ignored, as the official plugin does (the call goes ahead)', async () => {
    const ours = await ourSdk(emulator, { userId: 'alice' })
    const mark = emulator.requests().length
    const error = await rejectionOf(ours.ssks2MR.saveIdentity({ ...valid, color: 'blue' } as never))
    expect(error.code).not.toBe('VALIDATION')
    expect(emulator.requests().length).toBeGreaterThan(mark) // it reached SSKS (unknown session → 404)
  })
})
