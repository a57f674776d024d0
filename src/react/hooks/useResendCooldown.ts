'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'
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
 * `useSecondsUntil`. The clock is read in an effect, never during render (SSR shows the full count).
 */
export function useResendCooldown(seconds: number, options: UseResendCooldownOptions = {}): ResendCooldown {
  const { autoStart = true } = options
  // Bumped by restart(); the deadline is taken in the effect that follows.
  const [generation, setGeneration] = useState(autoStart ? 1 : 0)
  const [availableAt, setAvailableAt] = useState<number | undefined>(undefined)
  useEffect(() => {
    if (generation > 0) setAvailableAt(Date.now() + seconds * 1000)
  }, [seconds, generation])
  const left = useSecondsUntil(availableAt)
  // Before the first effect a started countdown shows its full length rather than "ready".
  const remaining = left ?? (generation > 0 ? Math.max(0, Math.ceil(seconds)) : 0)
  const restart = useCallback(() => setGeneration((g) => g + 1), [])
  return useMemo(() => ({ remaining, ready: remaining === 0, availableAt, restart }), [remaining, availableAt, restart])
}
