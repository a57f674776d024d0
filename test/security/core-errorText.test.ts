/**
 * The plugin quotes SSKS's `detail` in its error messages (they end up in logs and error
 * trackers) only when it echoes nothing we sent, in any case and any cut of 8+ characters: the
 * challenge, the session id, `data_b64`, the email or phone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { SSKS2MRError } from '../../src/core/index'
import { startCaptureServer, type CaptureServer } from '../support/startCaptureServer'
import { AUTH_FACTOR, CHALLENGE, NEW_SESSION, RAW_KEY, SESSION, sdkWithPlugin } from '../core/support/plugins'

let server: CaptureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const identity = new Uint8Array(600).fill(7)
const saveArgs = {
  userId: 'user-1',
  sessionId: SESSION,
  authFactor: AUTH_FACTOR,
  challenge: CHALLENGE,
  rawTwoManRuleKey: RAW_KEY,
  identity,
}

/** Saves through a server that validates the code, then answers the push with `detail(body)`. */
async function pushFailureMessage(detail: (pushBody: { data_b64: string }) => string, status = 500): Promise<string> {
  server = await startCaptureServer((r) =>
    r.path.endsWith('challenge_validate/')
      ? { status: 200, json: { new_id: NEW_SESSION } }
      : { status, json: { detail: detail(JSON.parse(r.body)) } },
  )
  const error = (await sdkWithPlugin(server.url)
    .api.saveIdentity(saveArgs)
    .catch((e: unknown) => e)) as SSKS2MRError
  expect(error.code).toBeDefined()
  return error.message
}

async function validateFailureMessage(detail: string): Promise<string> {
  server = await startCaptureServer(() => ({ status: 400, json: { detail } }))
  const error = (await sdkWithPlugin(server.url)
    .api.saveIdentity(saveArgs)
    .catch((e: unknown) => e)) as SSKS2MRError
  return error.message
}

describe('an SSKS detail that echoes what the plugin sent is never quoted', () => {
  it.each([
    ['the challenge upper-cased', `wrong code ${CHALLENGE.toUpperCase()}`],
    ['the session id upper-cased', `session ${SESSION.toUpperCase()} expired`],
    ['12 characters from the middle of the session id', `session ...${SESSION.slice(10, 22)}...`],
    ['the email upper-cased', `no user ${AUTH_FACTOR.value.toUpperCase()}`],
    ['a cut of the email', 'unknown ice@example'],
  ])('%s (challenge_validate)', async (_name, detail) => {
    const message = await validateFailureMessage(detail)
    expect(message).toBe('SSKS challengeValidate failed: 400')
  })

  it('a 40-character prefix of data_b64 (push)', async () => {
    let sent = ''
    const message = await pushFailureMessage(
      (body) => ((sent = body.data_b64), `bad blob ${body.data_b64.slice(0, 40)}`),
    )
    expect(sent.length).toBeGreaterThan(40)
    expect(message).toBe('SSKS push failed: 500')
  })

  it('a lower-cased cut from the middle of data_b64 (push)', async () => {
    const message = await pushFailureMessage((body) => `x${body.data_b64.slice(100, 120).toLowerCase()}x`)
    expect(message).toBe('SSKS push failed: 500')
  })

  it('still quotes a detail that echoes nothing', async () => {
    expect(await validateFailureMessage('Bad request.')).toBe('SSKS challengeValidate failed: 400 Bad request.')
    expect(await pushFailureMessage(() => 'Service unavailable.', 503)).toBe(
      'SSKS push failed: 503 Service unavailable.',
    )
  })
})
