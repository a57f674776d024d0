// @vitest-environment jsdom
/**
 * The React hooks run the core inside jsdom in their tests (and apps run it next to DOM
 * globals). jsdom brings its own AbortController/Uint8Array realm; the core must still work there.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startCaptureServer, type CaptureServer } from '../support/startCaptureServer'
import { AUTH_FACTOR, CHALLENGE, NEW_SESSION, RAW_KEY, SESSION, sdkWithPlugin } from './support/plugins'

let server: CaptureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('core under jsdom', () => {
  it('saves with a signal and bytes from the jsdom realm', async () => {
    server = await startCaptureServer((r) =>
      r.path.endsWith('challenge_validate/')
        ? { status: 200, json: { new_id: NEW_SESSION } }
        : { status: 200, json: { id: 'tmr' } },
    )
    const { api } = sdkWithPlugin(server.url)
    const controller = new AbortController()
    const result = await api.saveIdentity({
      userId: 'user-1',
      sessionId: SESSION,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
      identity: new Uint8Array([1, 2, 3]),
      signal: controller.signal,
    })
    expect(result).toEqual({ ssksId: 'tmr', id: 'tmr', authenticatedSessionId: NEW_SESSION })
  })

  it('aborts with a jsdom AbortSignal', async () => {
    server = await startCaptureServer(() => 'hang')
    const { api } = sdkWithPlugin(server.url)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    await expect(
      api.getFactorToken({ sessionId: SESSION, authFactor: AUTH_FACTOR, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' })
  })
})
