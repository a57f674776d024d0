'use client'
import { useEffect, useState } from 'react'

/**
 * Whole seconds left until `deadline` (epoch ms), ticking once a second and stopping at 0;
 * `undefined` without a deadline and before the first effect (the clock is never read during
 * render, so server and client markup agree). Counts down from the deadline rather than
 * decrementing, so a throttled background tab still shows the right number when it wakes up.
 */
export function useSecondsUntil(deadline: number | undefined): number | undefined {
  // Tagged with the deadline it was counted for, so a changed or dropped deadline never shows a stale count.
  const [count, setCount] = useState<{ deadline: number; seconds: number } | undefined>(undefined)
  useEffect(() => {
    if (deadline === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      const left = deadline - Date.now()
      setCount({ deadline, seconds: Math.max(0, Math.ceil(left / 1000)) })
      // Wake on the next whole-second boundary so the number neither lags nor skips.
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000)
    }
    tick()
    return () => clearTimeout(timer)
  }, [deadline])
  return count !== undefined && count.deadline === deadline ? count.seconds : undefined
}
