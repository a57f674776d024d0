/**
 * `ssks-2mr-kit/core`: the Seald SDK plugin. A drop-in for `@seald-io/sdk-plugin-ssks-2mr`
 * (same factory, same `sdk.ssks2MR`, same wire format and crypto), framework-free, for browsers
 * and Node ≥ 20.
 */
import { SSKS2MR as SSKS2MRPlugin } from './SSKS2MR'
// Types `sdk.ssks2MR` on the Seald SDK; the react and testing entries import it too.
import './sdkAugmentation'

// Default export only, as the official plugin: the name `SSKS2MR` is the interface of
// `sdk.ssks2MR` (exported below with the other types), as in `@seald-io/sdk-plugin-ssks-2mr`.
export default SSKS2MRPlugin
export { SSKS2MRError, SSKS2MRValidationError, isSSKS2MRError } from './errors'
export type { SSKS2MRErrorCode, SSKS2MRErrorOptions } from './errors'
export { silentLogger } from './logger'
export type { SSKS2MRLogger } from './logger'
export { maskAuthFactor } from './maskAuthFactor'
export type { SSKS2MRSession, SessionFields } from './session'
export { toCallArgs } from './toCallArgs'
export type * from './types'
// Wire paths, headers and patterns are for tools that speak SSKS themselves: `ssks-2mr-kit/protocol`.
