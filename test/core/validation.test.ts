import OfficialSSKS2MR from '@seald-io/sdk-plugin-ssks-2mr'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SSKS2MR, { SSKS2MRValidationError, type SSKS2MR as SSKS2MRApi } from '../../src/core/index'
import { realSDK } from './support/realSDK'

const RAW_KEY = 'H/iLO9CJvtTMO3QjdSTn8MLpRaCGVs3S7CJlED3hZhtTxPPbw1CQGKxlwFG/2wVVXABAzcaE0e3T9ZO71JlC0Q=='
const valid = {
  userId: 'user-1',
  sessionId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  authFactor: { type: 'EM', value: 'alice@example.com' },
  challenge: 'abcdefgh',
  twoManRuleKey: 'correct horse battery staple',
}
const without = (key: string) => ({ ...valid, [key]: undefined })
const big = 'x'.repeat(1025)

/** Inputs the official plugin's Joi schema rejects: we must reject them the same way. */
const sharedCases: Array<[string, Record<string, unknown>]> = [
  ['missing userId', without('userId')],
  ['empty userId', { ...valid, userId: '' }],
  ['numeric userId', { ...valid, userId: 42 }],
  ['null userId', { ...valid, userId: null }],
  ['object userId', { ...valid, userId: { toString: () => 'u' } }],
  ['missing sessionId', without('sessionId')],
  ['empty sessionId', { ...valid, sessionId: '' }],
  ['array sessionId', { ...valid, sessionId: ['a'] }],
  ['email and authFactor', { ...valid, email: 'a@b.c' }],
  ['neither email nor authFactor', without('authFactor')],
  ['null email', { ...without('authFactor'), email: null }],
  ['empty email', { ...without('authFactor'), email: '' }],
  ['1025-char email', { ...without('authFactor'), email: big }],
  ['null authFactor', { ...valid, authFactor: null }],
  ['array authFactor', { ...valid, authFactor: [] }],
  ['string authFactor', { ...valid, authFactor: 'EM:alice@example.com' }],
  ['authFactor without type', { ...valid, authFactor: { value: 'a' } }],
  ['lower-case type', { ...valid, authFactor: { type: 'em', value: 'a' } }],
  ['numeric type', { ...valid, authFactor: { type: 1, value: 'a' } }],
  ['null type', { ...valid, authFactor: { type: null, value: 'a' } }],
  ['authFactor without value', { ...valid, authFactor: { type: 'SMS' } }],
  ['empty value', { ...valid, authFactor: { type: 'EM', value: '' } }],
  ['null value', { ...valid, authFactor: { type: 'EM', value: null } }],
  ['1025-char value', { ...valid, authFactor: { type: 'EM', value: big } }],
  ['513 emoji value (1026 UTF-16 units)', { ...valid, authFactor: { type: 'EM', value: '😀'.repeat(513) } }],
  ['unknown authFactor key', { ...valid, authFactor: { type: 'EM', value: 'a', extra: 1 } }],
  ['unknown key and bad type (type reported first)', { ...valid, authFactor: { extra: 1, type: 'XX', value: 'a' } }],
  ['Date as authFactor', { ...valid, authFactor: new Date(0) }],
  ['upper-case challenge', { ...valid, challenge: 'ABCDEFGH' }],
  ['challenge with excluded letter', { ...valid, challenge: 'abcdefgi' }],
  ['7-char challenge', { ...valid, challenge: 'abcdefg' }],
  ['empty challenge', { ...valid, challenge: '' }],
  ['null challenge', { ...valid, challenge: null }],
  ['numeric challenge', { ...valid, challenge: 23456789 }],
  ['both keys', { ...valid, rawTwoManRuleKey: RAW_KEY }],
  ['no key', without('twoManRuleKey')],
  ['empty twoManRuleKey', { ...valid, twoManRuleKey: '' }],
  ['numeric twoManRuleKey', { ...valid, twoManRuleKey: 1234 }],
  ['empty raw key', { ...without('twoManRuleKey'), rawTwoManRuleKey: '' }],
  ['raw key of 63 bytes', { ...without('twoManRuleKey'), rawTwoManRuleKey: RAW_KEY.slice(0, 84) + '=' }],
  ['raw key without padding', { ...without('twoManRuleKey'), rawTwoManRuleKey: RAW_KEY.slice(0, 86) }],
  ['URL-safe raw key', { ...without('twoManRuleKey'), rawTwoManRuleKey: RAW_KEY.replace(/\//g, '_') }],
  ['challenge error before xor error', { ...valid, email: 'a', challenge: 'A' }],
  ['several errors: first in schema order wins', { userId: 1, sessionId: 2, authFactor: 3 }],
  ['nothing at all', {}],
]

const saveOnlyCases: Array<[string, Record<string, unknown>]> = [
  ['string identity', { ...valid, identity: 'abc' }],
  ['null identity', { ...valid, identity: null }],
  ['number array identity', { ...valid, identity: [1, 2, 3] }],
  ['ArrayBuffer identity', { ...valid, identity: new ArrayBuffer(4) }],
]

const retrieveOnlyCases: Array<[string, Record<string, unknown>]> = []

/**
 * Our two deliberate differences from Joi's text: pattern messages do not embed the offending
 * value (it may be a secret), and `identity` may also be a plain Uint8Array (browsers have no Buffer).
 */
const redactJoi = (message: string) =>
  message
    .replace(/ with value ".*" fails to match/s, ' fails to match')
    .replace(/must be Buffer$/, 'must be Buffer or Uint8Array')

function setup() {
  const fetchSpy = vi.fn(async () => new Response('{}'))
  const ours = realSDK([SSKS2MR('http://127.0.0.1:9/', { fetch: fetchSpy as unknown as typeof fetch })])
    .ssks2MR as SSKS2MRApi
  // The official plugin, for the expected Joi message (its URL is never reached: Joi rejects first).
  const official = (realSDK([OfficialSSKS2MR('http://127.0.0.1:9/')]) as unknown as { ssks2MR: SSKS2MRApi }).ssks2MR
  return { ours, official, fetchSpy }
}

async function expectValidationError(promise: Promise<unknown>): Promise<SSKS2MRValidationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a validation error, got success')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SSKS2MRValidationError)
  const v = error as SSKS2MRValidationError
  expect(v.code).toBe('VALIDATION')
  expect(v.name).toBe('ValidationError')
  return v
}

let globalFetch: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  globalFetch = vi.spyOn(globalThis, 'fetch')
})
afterEach(() => {
  expect(globalFetch).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

describe.each(['saveIdentity', 'retrieveIdentity'] as const)(
  '%s validation: same first error as the official Joi schema, no I/O',
  (method) => {
    const cases = [...sharedCases, ...(method === 'saveIdentity' ? saveOnlyCases : retrieveOnlyCases)]
    it.each(cases)('%s', async (_name, args) => {
      const { ours, official, fetchSpy } = setup()
      const expected = await official[method](args as never).then(
        () => {
          throw new Error('official plugin accepted it')
        },
        (e: Error) => e,
      )
      expect(expected.name).toBe('ValidationError')
      const error = await expectValidationError(ours[method](args as never))
      expect(error.message).toBe(redactJoi(expected.message))
      expect(fetchSpy).not.toHaveBeenCalled()
    })
  },
)

describe('validation beyond the official plugin', () => {
  it('never echoes a rejected raw key or challenge', async () => {
    const { ours } = setup()
    const badKey = RAW_KEY.slice(0, 80) + '!!!!!!=='
    const keyError = await expectValidationError(
      ours.retrieveIdentity({ ...without('twoManRuleKey'), rawTwoManRuleKey: badKey } as never),
    )
    expect(keyError.message).toBe('"rawTwoManRuleKey" fails to match the required pattern: /^[A-Za-z0-9+/]{86}==$/')
    expect(keyError.message).not.toContain(badKey.slice(0, 20))
    const challengeError = await expectValidationError(ours.saveIdentity({ ...valid, challenge: 'SECRET99' } as never))
    expect(challengeError.message).toBe(
      '"challenge" fails to match the required pattern: /^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/',
    )
    expect(challengeError.path).toBe('challenge')
  })

  it.each([
    ['null', null, '"value" must be of type object'],
    ['undefined', undefined, '"value" must be of type object'],
    ['a string', 'user-1', '"value" must be of type object'],
    ['an array', [valid], '"value" must be of type object'],
    [
      'a non-Uint8Array identity',
      { ...valid, identity: new Uint16Array(2) },
      '"identity" failed custom validation because must be Buffer or Uint8Array',
    ],
    [
      'a sessionId with a newline (header injection)',
      { ...valid, sessionId: 'abc\r\nX-Evil: 1' },
      '"sessionId" must only contain printable ASCII characters',
    ],
    [
      'a sessionId with a non-ASCII character',
      { ...valid, sessionId: 'séssion' },
      '"sessionId" must only contain printable ASCII characters',
    ],
    [
      'a sessionId with a leading space (fetch would trim it)',
      { ...valid, sessionId: ' abc' },
      '"sessionId" must only contain printable ASCII characters',
    ],
    ['a signal that is not an AbortSignal', { ...valid, signal: { aborted: 'no' } }, '"signal" must be an AbortSignal'],
  ])('rejects %s before any I/O', async (_name, args, message) => {
    const { ours, fetchSpy } = setup()
    const error = await expectValidationError(ours.saveIdentity(args as never))
    expect(error.message).toBe(message)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('rejects a bad identity BEFORE exporting the current one or touching the network', async () => {
    const { ours, fetchSpy } = setup()
    // The real SDK is not initialised: reading `goatee` would throw "not initialized" instead.
    const error = await expectValidationError(ours.saveIdentity({ ...valid, identity: 'not bytes' } as never))
    expect(error.message).toContain('"identity"')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('getFactorToken validates too', async () => {
    const { ours, fetchSpy } = setup()
    const base = { sessionId: valid.sessionId, authFactor: valid.authFactor }
    for (const [args, message] of [
      [{ authFactor: valid.authFactor }, '"sessionId" is required'],
      [{ sessionId: valid.sessionId }, '"authFactor" is required'],
      [{ ...base, authFactor: { type: 'EM', value: 'a', x: 1 } }, '"authFactor.x" is not allowed'],
      [
        { ...base, challenge: 'short' },
        '"challenge" fails to match the required pattern: /^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/',
      ],
      [{ ...base, userId: 5 }, '"userId" must be a string'],
    ] as const) {
      const error = await expectValidationError(ours.getFactorToken(args as never))
      expect(error.message).toBe(message)
    }
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})

describe('inputs the official plugin accepts are accepted (validation passes, the call reaches fetch)', () => {
  it.each([
    ['extra top-level keys', { ...valid, foo: 1, identityX: 'x' }],
    ['a 1025-char userId (no limit on userId)', { ...valid, userId: big }],
    [
      '512 emoji in authFactor.value (1024 UTF-16 units)',
      { ...valid, authFactor: { type: 'EM', value: '😀'.repeat(512) } },
    ],
    ['a lone surrogate and RTL/zero-width text in the key', { ...valid, twoManRuleKey: '\ud800\u202e\u200bkey' }],
    ['deprecated email instead of authFactor', { ...without('authFactor'), email: 'alice@example.com' }],
    ['a raw key', { ...without('twoManRuleKey'), rawTwoManRuleKey: RAW_KEY }],
    ['an inherited authFactor (Joi reads it too)', { ...valid, authFactor: Object.create({ type: 'EM', value: 'a' }) }],
  ])('%s', async (_name, args) => {
    const fetchSpy = vi.fn(async () => {
      throw new TypeError('stop here')
    })
    const ours = realSDK([
      SSKS2MR('http://127.0.0.1:9/', {
        fetch: fetchSpy as unknown as typeof fetch,
        scrypt: async () => new Uint8Array(64),
      }),
    ]).ssks2MR as SSKS2MRApi
    const error = await ours.retrieveIdentity(args as never).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NETWORK' })
    expect(fetchSpy).toHaveBeenCalledTimes(1)
  })

  it('saveIdentity accepts a plain Uint8Array identity (browsers have no Buffer)', async () => {
    const fetchSpy = vi.fn(async () => new Response('{"id":"tmr-1"}'))
    const ours = realSDK([
      SSKS2MR('http://127.0.0.1:9/', {
        fetch: fetchSpy as unknown as typeof fetch,
        scrypt: async () => new Uint8Array(64),
      }),
    ]).ssks2MR as SSKS2MRApi
    const result = await ours.saveIdentity({
      ...valid,
      authFactor: { type: 'EM', value: 'alice@example.com' },
      challenge: undefined,
      identity: new Uint8Array([1, 2, 3]),
    })
    expect(result).toEqual({ ssksId: 'tmr-1', id: 'tmr-1', authenticatedSessionId: valid.sessionId })
  })
})
