import { toCallArgs } from '../../src/core/toCallArgs'
import type { AuthFactorType } from '../../src/core/types'
import { createDemoDevice } from './createDemoDevice'
import { demoSignIn, demoStartSession } from './demoClient'
import type { DemoAccount } from './DemoAccount'
import type { LiveEnvironment } from './liveEnvironment'

/**
 * What "Back up after sign-up" does, without its UI: signs the user up, gives the device an
 * identity and saves its first backup (no code needed). Lets a restore walkthrough start alone.
 */
export async function seedBackup(
  env: LiveEnvironment,
  email: string,
  phone: string,
  factor: AuthFactorType,
): Promise<DemoAccount> {
  const account = await demoSignIn(env, email, phone)
  const device = createDemoDevice(env, account)
  device.setLogLevel?.('none')
  const session = await demoStartSession(env, account, factor)({ purpose: 'backup' })
  await device.ssks2MR.saveIdentity(toCallArgs(session))
  return account
}
