import type { EmulatorState } from './emulatorState'
import type { OutboxEntry } from './types'

/** What the route handlers share: the data, the clock, the settings and the side-effect hooks. */
export interface EmulatorContext {
  state: EmulatorState
  now(): number
  settings: {
    smsQuota: number
    maxWrongChallenges: number
    fakeOtp: boolean | 'always'
    maxBodyBytes: number
    singleSessionPerUser: boolean
  }
  /** Saves the state (storage) after a change. */
  changed(): void
  /** Records (and prints) a sent challenge. */
  sent(entry: OutboxEntry): void
  /** HMAC key that signs factor tokens; made once per emulator. */
  factorTokenKey(): Promise<CryptoKey>
}
