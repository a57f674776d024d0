import { describe, expect, it } from 'vitest'
import { challengeFlowReducer, initialChallengeFlowState } from '../../../src/react/flow/challengeFlowReducer'
import type {
  ChallengeFlowEvent,
  ChallengeFlowPurpose,
  ChallengeFlowState,
} from '../../../src/react/flow/ChallengeFlowState'

const run = (purpose: ChallengeFlowPurpose, ...events: ChallengeFlowEvent[]): ChallengeFlowState =>
  events.reduce(challengeFlowReducer, initialChallengeFlowState(purpose))

const codeSent: ChallengeFlowEvent = {
  type: 'sessionStarted',
  mustAuthenticate: true,
  destination: 'j•••@example.com',
  destinationType: 'EM',
  resendAvailableAt: 1_000,
}
const noCode: ChallengeFlowEvent = {
  type: 'sessionStarted',
  mustAuthenticate: false,
  destination: 'j•••@example.com',
  destinationType: 'EM',
  resendAvailableAt: 1_000,
}
const account = { userId: 'u1', sealdId: 's1', deviceId: 'd1' }
const restored = (keysRenewed: boolean, mustSaveIdentityAgain: boolean): ChallengeFlowEvent => ({
  type: 'restored',
  accountInfo: account,
  keysRenewed,
  mustSaveIdentityAgain,
})

describe('challengeFlowReducer', () => {
  it('starts idle with no error, no destination and no result', () => {
    expect(initialChallengeFlowState('backup')).toEqual({
      status: 'idle',
      purpose: 'backup',
      error: null,
      needsResend: false,
      codeRound: 0,
      resendAvailableAt: null,
      destination: null,
      destinationType: null,
      result: null,
    })
  })

  it('backup without a code: starting → saving → done', () => {
    expect(run('backup', { type: 'start' }).status).toBe('starting')
    const saving = run('backup', { type: 'start' }, noCode)
    expect(saving).toMatchObject({
      status: 'saving',
      destination: 'j•••@example.com',
      codeRound: 0,
      resendAvailableAt: null,
    })
    expect(run('backup', { type: 'start' }, noCode, { type: 'saved' })).toMatchObject({
      status: 'done',
      result: { purpose: 'backup', keysRenewed: false, resaved: false, mustSaveIdentityAgain: false },
    })
  })

  it('backup with a code: codeRequired → verifying → done', () => {
    const waiting = run('backup', { type: 'start' }, codeSent)
    expect(waiting).toMatchObject({
      status: 'codeRequired',
      codeRound: 1,
      destinationType: 'EM',
      resendAvailableAt: 1_000,
    })
    const verifying = challengeFlowReducer(waiting, { type: 'codeSubmitted' })
    expect(verifying.status).toBe('verifying')
    expect(challengeFlowReducer(verifying, { type: 'saved' }).status).toBe('done')
  })

  it('restore: done with the account info, or renewing then done when the plugin could not push', () => {
    const verifying = run('restore', { type: 'start' }, codeSent, { type: 'codeSubmitted' })
    expect(challengeFlowReducer(verifying, restored(true, false))).toMatchObject({
      status: 'done',
      result: { accountInfo: account, keysRenewed: true, resaved: false, mustSaveIdentityAgain: false },
    })
    const renewing = challengeFlowReducer(verifying, restored(true, true))
    expect(renewing.status).toBe('renewing')
    expect(challengeFlowReducer(renewing, { type: 'resaved' }).result).toMatchObject({
      resaved: true,
      mustSaveIdentityAgain: false,
    })
    // A failed re-save still finishes: the identity is imported and the old backup is intact.
    expect(challengeFlowReducer(renewing, { type: 'failed', error: 'NETWORK' })).toMatchObject({
      status: 'done',
      error: null,
      result: { resaved: false, mustSaveIdentityAgain: true },
    })
  })

  it('restore when SSKS asks no code means nothing is stored: IDENTITY_NOT_FOUND without a search', () => {
    expect(run('restore', { type: 'start' }, noCode)).toMatchObject({ status: 'error', error: 'IDENTITY_NOT_FOUND' })
  })

  it('a wrong code returns to codeRequired with the error, and a new submission clears it', () => {
    const wrong = run(
      'restore',
      { type: 'start' },
      codeSent,
      { type: 'codeSubmitted' },
      { type: 'failed', error: 'INVALID_CHALLENGE' },
    )
    expect(wrong).toMatchObject({
      status: 'codeRequired',
      error: 'INVALID_CHALLENGE',
      needsResend: false,
      codeRound: 1,
    })
    expect(challengeFlowReducer(wrong, { type: 'codeSubmitted' })).toMatchObject({ status: 'verifying', error: null })
  })

  it.each(['SESSION_NOT_FOUND', 'RATE_LIMITED'] as const)(
    '%s needs a resend: submissions are refused until a new code',
    (error) => {
      const gone = run('restore', { type: 'start' }, codeSent, { type: 'codeSubmitted' }, { type: 'failed', error })
      expect(gone).toMatchObject({ status: 'codeRequired', error, needsResend: true })
      expect(challengeFlowReducer(gone, { type: 'codeSubmitted' })).toBe(gone)
      const resent = run(
        'restore',
        { type: 'start' },
        codeSent,
        { type: 'codeSubmitted' },
        { type: 'failed', error },
        { type: 'resend' },
        codeSent,
      )
      expect(resent).toMatchObject({ status: 'codeRequired', error: null, needsResend: false, codeRound: 2 })
    },
  )

  it.each(['IDENTITY_NOT_FOUND', 'WRONG_KEY', 'UNAUTHORIZED', 'VALIDATION'] as const)(
    '%s after a code stops the flow',
    (error) => {
      expect(
        run('restore', { type: 'start' }, codeSent, { type: 'codeSubmitted' }, { type: 'failed', error }),
      ).toMatchObject({ status: 'error', error })
    },
  )

  it('errors while starting or saving stop the flow; start() tries again and keeps the code count', () => {
    const quota = run('backup', { type: 'start' }, { type: 'failed', error: 'SMS_QUOTA' })
    expect(quota).toMatchObject({ status: 'error', error: 'SMS_QUOTA' })
    expect(run('backup', { type: 'start' }, noCode, { type: 'failed', error: 'NETWORK' })).toMatchObject({
      status: 'error',
      error: 'NETWORK',
    })
    const again = run(
      'backup',
      { type: 'start' },
      codeSent,
      { type: 'codeSubmitted' },
      { type: 'failed', error: 'WRONG_KEY' },
      { type: 'start' },
    )
    expect(again).toMatchObject({ status: 'starting', error: null, codeRound: 1 })
  })

  it.each(['SMS_QUOTA', 'RATE_LIMITED', 'NETWORK'] as const)(
    'a refused resend (%s) goes back to the code, with the error and the same round',
    (error) => {
      const waiting = run('restore', { type: 'start' }, codeSent)
      const refused = run('restore', { type: 'start' }, codeSent, { type: 'resend' }, { type: 'failed', error })
      expect(refused).toEqual({ ...waiting, error })
      // The code already sent may still be valid: it can be submitted, or the resend tried again.
      expect(challengeFlowReducer(refused, { type: 'codeSubmitted' })).toMatchObject({
        status: 'verifying',
        error: null,
      })
      expect(challengeFlowReducer(refused, { type: 'resend' })).toMatchObject({ status: 'starting', error: null })
      // A session that could no longer check codes still cannot after a refused resend.
      const gone = run(
        'restore',
        { type: 'start' },
        codeSent,
        { type: 'codeSubmitted' },
        { type: 'failed', error: 'SESSION_NOT_FOUND' },
        { type: 'resend' },
        { type: 'failed', error },
      )
      expect(gone).toMatchObject({ status: 'codeRequired', error, needsResend: true, codeRound: 1 })
    },
  )

  it('ignores events that do not apply (same object back)', () => {
    const idle = initialChallengeFlowState('restore')
    for (const event of [
      { type: 'codeSubmitted' },
      { type: 'saved' },
      { type: 'resend' },
      { type: 'resaved' },
      codeSent,
      restored(false, false),
      { type: 'reset' },
    ] as ChallengeFlowEvent[]) {
      expect(challengeFlowReducer(idle, event)).toBe(idle)
    }
    const starting = run('restore', { type: 'start' })
    expect(challengeFlowReducer(starting, { type: 'start' })).toBe(starting) // double click
    const verifying = run('restore', { type: 'start' }, codeSent, { type: 'codeSubmitted' })
    expect(challengeFlowReducer(verifying, { type: 'codeSubmitted' })).toBe(verifying) // double submit
    expect(challengeFlowReducer(verifying, { type: 'resend' })).toBe(verifying)
    expect(challengeFlowReducer(verifying, { type: 'saved' })).toBe(verifying) // a restore is never "saved"
  })

  it('reset goes back to idle from anywhere', () => {
    const verifying = run('backup', { type: 'start' }, codeSent, { type: 'codeSubmitted' })
    expect(challengeFlowReducer(verifying, { type: 'reset' })).toEqual(initialChallengeFlowState('backup'))
  })
})
