'use client'
import { useCallback, useMemo, useState } from 'react'
import { useSecondsUntil } from './useSecondsUntil'

export interface ResendCooldown {
  /** Whole seconds left before a resend is allowed (0 when ready). */
  remaining: number
  ready: boolean
  /** The deadline (epoch ms), e.g. for `ChallengeEntry`'s `resendAvailableAt`; undefined before the first count. */
  availableAt: number | undefined
  /** Starts the countdown again from `seconds` (call it when a new code was sent). */
  restart(): void
}

export interface UseResendCooldownOptions {
  /** Start counting on mount. Default true; `false` waits for the first `restart()`. */
  autoStart?: boolean
}

/**
 * A resend countdown of `seconds`: a deadline set on mount (or by `restart()`), counted by
 * `useSecondsUntil`, which reads the clock in effects only (SSR shows the full count).
 */
export function useResendCooldown(seconds: number, options: UseResendCooldownOptions = {}): ResendCooldown {
  const { autoStart = true } = options
  // The first deadline is taken while rendering the first time: the markup does not depend on it, since
  // `useSecondsUntil` reads nothing before its first effect (server and client agree). Later ones by restart().
  const [availableAt, setAvailableAt] = useState(() => (autoStart ? Date.now() + seconds * 1000 : undefined))
  const left = useSecondsUntil(availableAt)
  // Before the first effect a started countdown shows its full length rather than "ready".
  const remaining = left ?? (availableAt !== undefined ? Math.max(0, Math.ceil(seconds)) : 0)
  const restart = useCallback(() => setAvailableAt(Date.now() + seconds * 1000), [seconds])
  return useMemo(() => ({ remaining, ready: remaining === 0, availableAt, restart }), [remaining, availableAt, restart])
}
