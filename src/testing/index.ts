/**
 * `ssks-2mr-kit/testing`: helpers for testing an app that uses ssks-2mr-kit — the SSKS emulator
 * in-process, and a clearly named STAND-IN for the Seald-cloud-only SDK members.
 */
// Types `sdk.ssks2MR` on the Seald SDK for apps that import only this entry.
import '../core/sdkAugmentation'
export { createEmulator, startEmulator } from '../emulator/index'
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
export { createTestWorld } from './createTestWorld'
export type { StartedTestSession, TestSessionRequest, TestWorld, TestWorldOptions } from './buildTestWorld'
export { backupThenRestore, backupWithCode, restoreWithCode, wrongCode } from './testWorldSteps'
