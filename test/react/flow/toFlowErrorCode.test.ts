import { describe, expect, it } from 'vitest'
import { toFlowErrorCode } from '../../../src/react/flow/toFlowErrorCode'
import { SSKS2MRError, SSKS2MRValidationError } from '../../../src/core/errors'

describe('toFlowErrorCode', () => {
  it('reads the code of the kit errors', () => {
    expect(toFlowErrorCode(new SSKS2MRError('SMS_QUOTA', 'x'))).toBe('SMS_QUOTA')
    expect(toFlowErrorCode(new SSKS2MRValidationError('userId', '"userId" is required'))).toBe('VALIDATION')
  })

  it('reads a plain { code } (another copy of the kit, or an app route rethrowing its JSON)', () => {
    expect(toFlowErrorCode({ code: 'RATE_LIMITED' })).toBe('RATE_LIMITED')
    expect(toFlowErrorCode({ code: 'USER_NOT_FOUND' })).toBe('USER_NOT_FOUND') // the server helper's challengeSend
    expect(toFlowErrorCode(Object.assign(new Error('boom'), { code: 'INVALID_CHALLENGE' }))).toBe('INVALID_CHALLENGE')
  })

  it('maps fetch failures, aborts and timeouts by name', () => {
    expect(toFlowErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK')
    expect(toFlowErrorCode(new TypeError('NetworkError when attempting to fetch resource.'))).toBe('NETWORK')
    expect(toFlowErrorCode(new TypeError('Load failed'))).toBe('NETWORK')
    expect(toFlowErrorCode(new DOMException('aborted', 'AbortError'))).toBe('ABORTED')
    expect(toFlowErrorCode(new DOMException('timed out', 'TimeoutError'))).toBe('TIMEOUT')
  })

  it('anything else is UNKNOWN: a programming TypeError is not "offline", unknown codes are not trusted', () => {
    expect(toFlowErrorCode(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('UNKNOWN')
    expect(toFlowErrorCode({ code: 'ECONNRESET' })).toBe('UNKNOWN')
    expect(toFlowErrorCode(new Error('x'))).toBe('UNKNOWN')
    expect(toFlowErrorCode('x')).toBe('UNKNOWN')
    expect(toFlowErrorCode(null)).toBe('UNKNOWN')
  })
})
