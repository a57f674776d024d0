import { describe, expect, it } from 'vitest'
import { realSDK } from '../core/support/realSDK'

describe('the sdk034 project runs on @seald-io/sdk 0.34', () => {
  it('loads the workspace copy, not the root 0.25.0 (else every suite here would test 0.25 twice)', () => {
    expect(realSDK().version).toBe(`sdk-js/node/${process.env.EXPECTED_SEALD_SDK}`)
  })
})
