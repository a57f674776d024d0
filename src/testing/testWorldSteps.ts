import type { SealdSDK } from '@seald-io/sdk/lib/main.js'
import type { RetrieveIdentityResult, SaveIdentityResult } from '../core/types'
import type { TestWorld } from './buildTestWorld'
import type { WithSealdCloudStandIn } from './withSealdCloudStandIn'

type Device = WithSealdCloudStandIn<SealdSDK>

/** Saves `device`'s identity through a new backup session, with the code when SSKS sent one. */
export async function backupWithCode(world: TestWorld, device: Device): Promise<SaveIdentityResult> {
  const session = await world.startSession({ purpose: 'backup' })
  const challenge = session.mustAuthenticate ? world.lastCode() : undefined
  return device.ssks2MR.saveIdentity({ ...world.callArgs(session), challenge })
}

/** Restores on `device` through a new restore session, with `code` (default: the one SSKS just sent). */
export async function restoreWithCode(
  world: TestWorld,
  device: Device,
  code?: (sent: string) => string,
): Promise<RetrieveIdentityResult> {
  const session = await world.startSession({ purpose: 'restore' })
  const sent = world.lastCode()
  return device.ssks2MR.retrieveIdentity({ ...world.callArgs(session), challenge: code ? code(sent) : sent })
}

/** A backup from the signed-up device, then a restore on a new one: the common start of a restore test. */
export async function backupThenRestore(
  world: TestWorld,
  options: { restoreDevice?: Parameters<TestWorld['device']>[0] } = {},
) {
  const owner = await world.device({ signedUp: true })
  const saved = await backupWithCode(world, owner)
  const device = await world.device(options.restoreDevice)
  const restored = await restoreWithCode(world, device)
  return { owner, saved, device, restored }
}

/** A code that is not `code` but has the right shape (one letter of the alphabet, eight times): SSKS refuses it. */
export const wrongCode = (code: string): string => (code === 'aaaaaaaa' ? 'bbbbbbbb' : 'aaaaaaaa')
