'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'

export interface ResendCooldown {
  /** Whole seconds left before a resend is allowed (0 when ready). */
  remaining: number
  ready: boolean
  /** Starts the countdown again from `seconds` (call it when a new code was sent). */
  restart(): void
}

export interface UseResendCooldownOptions {
  /** Start counting on mount. Default true; `false` waits for the first `restart()`. */
  autoStart?: boolean
}

/**
 * A resend countdown of `seconds`. One interval at a time, cleared when it reaches 0 or on
 * unmount. Counts towards a deadline rather than decrementing, so a throttled background tab
 * still shows the right number. No clock is read during render (SSR shows the full count).
 */
export function useResendCooldown(seconds: number, options: UseResendCooldownOptions = {}): ResendCooldown {
  const { autoStart = true } = options
  // Bumped by restart(); the deadline is taken in the effect that follows.
  const [generation, setGeneration] = useState(autoStart ? 1 : 0)
  const [remaining, setRemaining] = useState(autoStart ? Math.max(0, Math.ceil(seconds)) : 0)

  useEffect(() => {
    if (generation === 0) return
    const deadline = Date.now() + seconds * 1000
    const left = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
    setRemaining(left())
    if (left() === 0) return
    const timer = setInterval(() => {
      const now = left()
      setRemaining(now)
      if (now === 0) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [seconds, generation])

  const restart = useCallback(() => setGeneration((g) => g + 1), [])
  return useMemo(() => ({ remaining, ready: remaining === 0, restart }), [remaining, restart])
}
