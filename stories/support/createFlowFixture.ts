import { QueryClient } from '@tanstack/react-query'
import type { AuthFactorType } from '../../src/core/types'
import type { EmulatorOptions } from '../../src/emulator/browser'
import type { StartSession } from '../../src/react'
import { createTestWorld, type TestWorld } from '../../src/testing/browser'

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
  sdk: Awaited<ReturnType<TestWorld['device']>>
  startSession: StartSession
  queryClient: QueryClient
  /** The signed-in user of the app. */
  userId: string
  emulator: TestWorld['emulator']
  /** The newest code the emulator sent to this user. */
  latestCode(): string | undefined
}

/**
 * A private test world (in-page emulator, the kit's back-end helper) with preset state, and a
 * device to run a flow on: the real plugin on the real SDK (Seald-cloud stand-in only), real
 * crypto, real protocol.
 */
export async function createFlowFixture(options: FlowFixtureOptions): Promise<FlowFixture> {
  const { device, stored = 'nothing', factor = 'EM', email = 'jane.doe@example.com', phone = '+33612345678' } = options
  const world = await createTestWorld({
    // The given address or number, so that stories can check how the destination is masked.
    factor: factor === 'SMS' ? { type: 'SMS', value: phone } : { type: 'EM', value: email },
    ...(options.emulator ? { emulator: options.emulator } : {}),
  })
  const latestCode = () =>
    world.emulator
      .outbox()
      .filter((entry) => entry.userId === world.userId)
      .at(-1)?.challenge

  if (stored !== 'nothing') {
    const first = await world.device({ signedUp: true })
    first.setLogLevel?.('none')
    await first.ssks2MR.saveIdentity(world.callArgs(await world.startSession({ purpose: 'backup' })))
    if (stored === 'authenticatedBackup') {
      const second = await world.startSession({ purpose: 'backup' })
      await first.ssks2MR.saveIdentity({ ...world.callArgs(second), challenge: latestCode() })
    }
  }

  const sdk = await world.device({ signedUp: device === 'signedUp' })
  sdk.setLogLevel?.('none')
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  const startSession: StartSession = (request) => world.startSession(request)
  return { sdk, startSession, queryClient, userId: world.userId, emulator: world.emulator, latestCode }
}
