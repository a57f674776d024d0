import type { AuthFactorType } from '../../src/core/types'
import type { SSKS2MRSession } from '../../src/core/session'
import type { StartSession } from '../../src/react'
import { DEMO_ROUTES } from './createDemoBackend'
import type { DemoAccount } from './DemoAccount'
import type { LiveEnvironment } from './liveEnvironment'

/** An error carrying the `code` the back-end answered, which the React flows map to a message. */
export class DemoBackendError extends Error {
  override readonly name = 'DemoBackendError'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The demo app's sign-up / sign-in (creates the account on first use of an email). */
export async function demoSignIn(
  env: Pick<LiveEnvironment, 'callBackend'>,
  email: string,
  phone = '',
): Promise<DemoAccount> {
  const response = await env.callBackend(DEMO_ROUTES.signIn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, phone }),
  })
  return readJson<DemoAccount>(response)
}

/**
 * The `startSession` an app gives `SSKS2MRProvider`: one call to its own back-end route, which
 * answers the `SSKS2MRSession` (or a typed error, rethrown with its `code`).
 */
export function demoStartSession(
  env: Pick<LiveEnvironment, 'callBackend'>,
  account: DemoAccount,
  factor: AuthFactorType,
): StartSession {
  return async () => {
    const response = await env.callBackend(DEMO_ROUTES.session, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
      body: JSON.stringify({ factor }),
    })
    return readJson<SSKS2MRSession>(response)
  }
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string }
  if (!response.ok)
    throw new DemoBackendError(body.code ?? 'SERVER', body.message ?? `Back-end answered ${response.status}`)
  return body as T
}
