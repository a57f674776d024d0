/**
 * Browser-safe subset of `ssks-2mr-kit/testing`: the in-process emulator (no Node server) and the
 * Seald-cloud STAND-IN. `index.ts` also re-exports `startEmulator`, which needs `node:http`.
 */
// Types `sdk.ssks2MR` on the Seald SDK for apps that import only this entry.
import '../core/sdkAugmentation'
export { createEmulator } from '../emulator/browser'
export type { Emulator, EmulatorOptions, Fault, OutboxEntry, RequestLogEntry } from '../emulator/types'
export { withSealdCloudStandIn } from './withSealdCloudStandIn'
export type {
  SealdCloudStandIn,
  SealdCloudStandInOptions,
  StandInMember,
  WithSealdCloudStandIn,
} from './withSealdCloudStandIn'
export { createTestSealdSDK } from './createTestSealdSDK'
export type { CreateTestSealdSDKOptions } from './createTestSealdSDK'
export { decodeStandInIdentity, encodeStandInIdentity, STAND_IN_IDENTITY_HEADER } from './standInIdentity'
export type { StandInIdentity } from './standInIdentity'
export { createTestWorld } from './createBrowserTestWorld'
export type { StartedTestSession, TestSessionRequest, TestWorld, TestWorldOptions } from './buildTestWorld'
export { backupThenRestore, backupWithCode, restoreWithCode, wrongCode } from './testWorldSteps'
