import { realSDK } from './realSDK'

/** SDK 0.34+: `prepareRenew` exists, so our plugin renews in the crash-safe order (prepare → push → renewKey). */
export const sdkPreparesRenewal =
  typeof (realSDK() as unknown as { prepareRenew?: unknown }).prepareRenew === 'function'

/** The stand-in calls of a renewing retrieval: the official plugin always renews the 0.25 way. */
export function renewalCalls(plugin: 'ours' | 'official' = 'ours'): string[] {
  return plugin === 'ours' && sdkPreparesRenewal
    ? ['importIdentity', 'prepareRenew', 'renewKey']
    : ['importIdentity', 'renewKey', 'exportBackupKey']
}
