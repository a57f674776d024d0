import type { PATHS } from '../protocol/constants'

/** The front-end SSKS endpoints the plugin calls (keys of `PATHS`). */
export type Endpoint = Exclude<keyof typeof PATHS, 'challengeSend'>

/** Message prefixes of the official plugin (users match on them), plus one for the newer endpoint. */
export const FAILURE_PREFIX: Record<Endpoint, string> = {
  challengeValidate: 'SSKS challengeValidate failed',
  push: 'SSKS push failed',
  search: 'Retrieving identity failed',
  getFactorToken: 'SSKS getFactorToken failed',
}
