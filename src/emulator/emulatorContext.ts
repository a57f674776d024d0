import type { EmulatorState } from './emulatorState'
import type { OutboxEntry } from './types'

/** The emulator's settings, every default filled in (see EmulatorOptions for each). */
export interface EmulatorSettings {
  smsQuota: number
  maxWrongChallenges: number
  maxWrongChallengesPerUser: number
  wrongChallengeWindowMs: number
  fakeOtp: boolean | 'always'
  maxBodyBytes: number
  singleSessionPerUser: boolean
  sessionLifetimeMs: number
  validatedSessionLifetimeMs: number
  maxSessionsPerUser: number
  outboxLimit: number
}

/** What the route handlers share: the data, the clock, the settings and the side-effect hooks. */
export interface EmulatorContext {
  state: EmulatorState
  now(): number
  settings: EmulatorSettings
  /** Records (and prints) a sent challenge. */
  sent(entry: OutboxEntry): void
  /** HMAC key that signs factor tokens; made once per emulator. */
  factorTokenKey(): Promise<CryptoKey>
}
