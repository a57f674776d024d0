import { QueryClient } from '@tanstack/react-query'
import type { EmulatorOptions } from '../../src/emulator/browser'
import type { AuthFactorType } from '../../src/core/types'
import type { StartSession } from '../../src/react'
import { createDemoDevice, type DemoDevice } from '../live/createDemoDevice'
import { createInPageEnvironment } from '../live/liveEnvironment'
import { demoSignIn, demoStartSession } from '../live/demoClient'
import type { DemoAccount } from '../live/DemoAccount'
import { toCallArgs } from '../../src/core/toCallArgs'

export interface FlowFixtureOptions {
  /** This device: `signedUp` has the account's identity (backup), `new` has none yet (restore). */
  device: 'signedUp' | 'new'
  /**
   * What SSKS already holds for the user: nothing; a backup saved without a code (the first
   * backup after sign-up: restoring it renews the keys); or one saved after a code check.
   */
  stored?: 'nothing' | 'backupWithoutCode' | 'authenticatedBackup'
  factor?: AuthFactorType
  email?: string
  phone?: string
  emulator?: EmulatorOptions
}

/** Everything a flow story renders with, plus handles for its play function. */
export interface FlowFixture {
  sdk: DemoDevice
  startSession: StartSession
  queryClient: QueryClient
  account: DemoAccount
  emulator: ReturnType<typeof createInPageEnvironment>['emulator']
  /** The newest code the emulator sent to this user. */
  latestCode(): string | undefined
}

/**
 * A private in-page emulator and demo back-end with preset state, and a device to run a flow
 * on: the real plugin on the real SDK (Seald-cloud stand-in only), real crypto, real protocol.
 */
export async function createFlowFixture(options: FlowFixtureOptions): Promise<FlowFixture> {
  const { device, stored = 'nothing', factor = 'EM', email = 'jane.doe@example.com', phone = '+33612345678' } = options
  const env = createInPageEnvironment(options.emulator)
  const account = await demoSignIn(env, email, phone)
  const startSession = demoStartSession(env, account, factor)
  const latestCode = () =>
    env.emulator
      .outbox()
      .filter((entry) => entry.userId === account.userId)
      .at(-1)?.challenge

  if (stored !== 'nothing') {
    const first = createDemoDevice(env, account)
    first.setLogLevel?.('none')
    const firstSession = await startSession({ purpose: 'backup' })
    await first.ssks2MR.saveIdentity({ ...sessionArgs(firstSession) })
    if (stored === 'authenticatedBackup') {
      const second = await startSession({ purpose: 'backup' })
      await first.ssks2MR.saveIdentity({ ...sessionArgs(second), challenge: latestCode() })
    }
  }

  const sdk = createDemoDevice(env, device === 'signedUp' ? account : undefined)
  sdk.setLogLevel?.('none')
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  return { sdk, startSession, queryClient, account, emulator: env.emulator, latestCode }
}

function sessionArgs(session: Awaited<ReturnType<StartSession>>) {
  return toCallArgs(session)
}
