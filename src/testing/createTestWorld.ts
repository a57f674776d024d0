import { startEmulator } from '../emulator/startEmulator'
import { buildTestWorld, type TestWorld, type TestWorldOptions } from './buildTestWorld'

/**
 * **Uses the Seald-cloud STAND-IN. For tests only.** One isolated 2MR world per call: an SSKS
 * emulator (in-process, or its Node server on 127.0.0.1), the kit's back-end helper starting
 * sessions for one signed-up user, and devices that are REAL Seald SDKs with the kit's plugin.
 * `await world.close()` when done (it stops the server of the `http` transport).
 *
 * @example
 * const world = await createTestWorld({ forceAuth: true })
 * const device = await world.device({ signedUp: true })
 * const session = await world.startSession({ purpose: 'backup' })
 * await device.ssks2MR.saveIdentity({ ...world.callArgs(session), challenge: world.lastCode() })
 */
export function createTestWorld(options: TestWorldOptions = {}): Promise<TestWorld> {
  return buildTestWorld(options, startEmulator)
}
