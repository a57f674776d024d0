'use client'
import { memo, useState } from 'react'
import { useSecondsUntil } from '../hooks/useSecondsUntil'
import { formatMessage } from '../messages/formatMessage'
import type { ChallengeEntryMessages } from '../messages/challengeEntry'

interface ResendButtonProps {
  /** Asks for a new code; a returned promise keeps the button in its "sending" state until it settles. */
  onResend: () => unknown
  /**
   * Called once a new code went out (after the promise resolved, or at once for a sync callback); not when `sending` is
   * given.
   */
  onSent: () => void
  /** The caller's own "sending" state (e.g. a flow's `resending`); replaces the one kept from `onResend`'s promise. */
  sending: boolean | undefined
  /** Epoch ms before which resending is not offered. */
  availableAt: number | undefined
  disabled: boolean
  messages: Pick<ChallengeEntryMessages, 'resend' | 'resendSending' | 'resendIn'>
  className: string | undefined
}

/**
 * The resend button and its countdown. Its own component so the once-a-second tick re-renders
 * only this button, never the code field. It stays focusable during the cooldown
 * (`aria-disabled`, not `disabled`) so keyboard and screen-reader users can find it and read
 * how long is left instead of having it vanish from the tab order.
 */
export const ResendButton = memo(function ResendButton({
  onResend,
  onSent,
  availableAt,
  sending: controlledSending,
  disabled,
  messages,
  className,
}: ResendButtonProps) {
  // Unknown before the first tick (the server render never reads the clock): waiting, without a number.
  const untilDeadline = useSecondsUntil(availableAt)
  const remaining = untilDeadline ?? 0
  const counting = remaining > 0 || (availableAt !== undefined && untilDeadline === undefined)

  const [ownSending, setSending] = useState(false)
  const sending = controlledSending ?? ownSending
  const waiting = sending || counting

  const handleClick = async () => {
    if (waiting || disabled) return
    const result = onResend()
    // The caller tells when the code went out (its `sending` turns false without an error).
    if (controlledSending !== undefined) return
    if (isPromiseLike(result)) {
      setSending(true)
      try {
        await result
      } catch {
        // The caller reports the failure through `error`; the button just becomes usable again.
        setSending(false)
        return
      }
      setSending(false)
    }
    onSent()
  }

  const label = sending
    ? messages.resendSending
    : remaining > 0
      ? formatMessage(messages.resendIn, { seconds: remaining })
      : messages.resend

  return (
    <button
      type="button"
      className={className}
      data-ssks-resend=""
      data-state={sending ? 'sending' : counting ? 'cooldown' : 'ready'}
      disabled={disabled}
      aria-disabled={waiting || undefined}
      onClick={handleClick}
    >
      {/* A span, not a bare text node: Chrome's page translation wraps bare text in <font>, and
          React then crashes replacing the ticking text (facebook/react#11538). */}
      <span>{label}</span>
    </button>
  )
})

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function'
}
